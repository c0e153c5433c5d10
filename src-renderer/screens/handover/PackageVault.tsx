/** Inside a package handed to this worker: a separate vault under a banner naming whose notes these are and until when. */
export function PackageVault({ packageId }: { packageId: string }) {
  return (
    <div className="screen-body package-vault" data-package-id={packageId}>
      <div className="screen-head">
        <h1>Handed-over notes</h1>
      </div>
    </div>
  );
}
