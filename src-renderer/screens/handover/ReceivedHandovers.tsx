/** Packages other workers handed to this worker as their temporary substitute. */
export function ReceivedHandovers() {
  return (
    <section aria-labelledby="received-handovers-heading" className="panel">
      <h2 id="received-handovers-heading">Notes handed to you</h2>
    </section>
  );
}
