/** The note the typist child types in run `run` (its first n characters are what it has sent at length n). */
export function typistText(run: string): string {
  return `Run ${run}: ${'Met with the student about the move and the new bus route; she was worried about lunch. '.repeat(40)}`;
}
