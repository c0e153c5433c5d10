/** Handing this worker's notes to a temporary substitute, and taking them back. */
export function OwnerHandovers() {
  return (
    <section aria-labelledby="owner-handovers-heading" className="panel">
      <h2 id="owner-handovers-heading">Hand your notes to a substitute</h2>
    </section>
  );
}
