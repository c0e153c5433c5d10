/**
 * What went wrong, in one line read out at once (role "alert"); nothing at
 * all while there is no problem. `id` lets a field point at it with
 * aria-describedby.
 */
export function ProblemLine({ message, id }: { message: string | null | undefined; id?: string }) {
  if (message == null || message === '') return null;
  return (
    <p className="problem" id={id} role="alert">
      {message}
    </p>
  );
}
