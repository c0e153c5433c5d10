// Source: the hard negatives of the Sole Notes labelling policy (../shared/redaction/POLICY.md:
// "'bus F32' when it is a bus number, 'the 314 room'"), generalised to the places and things
// in a school that carry letter-number names. Written by hand for this project.

/** A word right before a code-looking token that makes it a place or a thing ("bus F32", "Portable F32"). */
export const LOCATOR_WORDS: ReadonlySet<string> = new Set([
  'bus', 'buses', 'route', 'rte', 'room', 'rm', 'rooms', 'portable', 'portables', 'building', 'bldg', 'hall', 'hallway',
  'wing', 'gate', 'locker', 'lockers', 'lot', 'seat', 'row', 'section', 'trailer', 'pod', 'unit', 'apt', 'apartment',
  'suite', 'ste', 'door', 'lab', 'field', 'court', 'classroom', 'car', 'van', 'lane', 'stop', 'exit', 'plate', 'model',
  'vitamin', 'level', 'zone', 'station', 'bay', 'aisle', 'box', 'table', 'desk', 'team', 'track', 'pin',
  'flight', 'train', 'line', 'highway', 'hwy', 'interstate', 'i', 'sr', 'cr', 'county', 'road', 'rd', 'floor',
  'cabin', 'cottage', 'dorm', 'block', 'period', 'lunch', 'cohort', 'group', 'grp', 'pod', 'shelf', 'bin', 'cubby',
  'space', 'spot', 'parking', 'stall', 'tray', 'cart', 'kit', 'chromebook', 'laptop',
  'ipad', 'device', 'tag', 'badge', 'card', 'page', 'pg', 'p', 'item', 'question', 'q', 'problem', 'step', 'version',
  'v', 'grade', 'gr', 'class', 'course', 'elective', 'test', 'quiz', 'map', 'figure', 'fig', 'appendix',
  'sheet', 'worksheet', 'photo', 'picture', 'jersey', 'size', 'account', 'invoice', 'ticket',
]);

/** Words right after a code-looking token that make it a place or a thing ("F32 is where tutoring meets" is caught by the word before; these catch "F32 bus", "F32 portable"). */
export const LOCATOR_AFTER: ReadonlySet<string> = new Set([
  'bus', 'route', 'room', 'portable', 'building', 'wing', 'hall', 'hallway', 'classroom', 'lab', 'trailer', 'van',
  'stop', 'door', 'gate', 'lot', 'locker', 'jersey', 'model', 'engine',
]);
