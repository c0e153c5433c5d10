/*
 * The competencies a school social worker is evaluated on, with the rubric.
 *
 * Source: Connecticut State Department of Education, "Practice Guidelines for
 * Delivery of School Social Work Services", section "Evaluating School Social
 * Workers" (eight competency areas, their indicators, and the four-level
 * rubric). Every line below is a short restatement in our own words, not the
 * guideline's text; the numbering follows the guideline so the worker and the
 * evaluator can find each indicator there.
 *
 * Plain data, no zod: the renderer, the export and the command line all read it.
 */

export const RUBRIC_LEVELS = [
  { id: 'not_met', label: 'Has not met' },
  { id: 'met', label: 'Has met' },
  { id: 'exceeds', label: 'Exceeds expectations' },
  { id: 'no_opportunity', label: 'No opportunity to practice' },
] as const;

export type RubricLevel = (typeof RUBRIC_LEVELS)[number]['id'];
export const RUBRIC_LEVEL_IDS = RUBRIC_LEVELS.map((level) => level.id) as [RubricLevel, ...RubricLevel[]];

export function rubricLabel(level: RubricLevel | null): string {
  return level === null ? 'Not rated' : (RUBRIC_LEVELS.find((candidate) => candidate.id === level)?.label ?? 'Not rated');
}

export interface CompetencyIndicator {
  /** The guideline's numbering: area.indicator, or area.group.indicator. */
  id: string;
  text: string;
}

export interface CompetencyGroup {
  /** A sub-heading of an area (areas 4 to 8); null where the area lists its indicators directly. */
  title: string | null;
  indicators: readonly CompetencyIndicator[];
}

export interface CompetencyArea {
  id: string;
  title: string;
  groups: readonly CompetencyGroup[];
}

const direct = (area: number, lines: string[]): CompetencyGroup[] => [
  { title: null, indicators: lines.map((text, index) => ({ id: `${area}.${index + 1}`, text })) },
];
const grouped = (area: number, groups: [string, string[]][]): CompetencyGroup[] =>
  groups.map(([title, lines], group) => ({ title, indicators: lines.map((text, index) => ({ id: `${area}.${group + 1}.${index + 1}`, text })) }));

export const COMPETENCY_AREAS: readonly CompetencyArea[] = [
  {
    id: '1',
    title: 'Professional and ethical responsibilities',
    groups: direct(1, [
      'Takes charge of my own growth and reviews my own practice',
      'Works well with colleagues and administrators',
      'Follows district policy, and works to change it when students and families need that',
      'Practises by social work values and ethics',
      'Keeps student and family information private as far as the law allows',
      'Gets informed consent before sharing information or starting services',
    ]),
  },
  {
    id: '2',
    title: 'Knowledge of school systems and of learning across cultures',
    groups: direct(2, [
      'Knows how schools are governed locally, in the state and federally',
      'Knows the special services open to students and families',
      'Understands mental health diagnoses and IDEA disability categories well enough to plan for students',
      'Sees how district structure and initiatives shape the school community',
    ]),
  },
  {
    id: '3',
    title: 'Assessing student needs and progress',
    groups: direct(3, [
      'Gathers information methodically: records, observations in several settings, interviews, consultations',
      'Gives, scores and reads formal and informal assessments',
      'Identifies social-emotional needs and recommends changes to the school environment',
      'Writes measurable goals tied to educational needs',
      'Tracks progress toward goals and changes course when needed',
    ]),
  },
  {
    id: '4',
    title: 'Counselor',
    groups: grouped(4, [
      [
        'Building a positive self-concept',
        [
          'Sees each student’s strengths and values the school’s diversity',
          'Keeps counseling conversations private as far as possible',
          'Treats every student and family with sensitivity and respect',
          'Brings patience, empathy and energy to work with students',
          'Teaches problem-solving, decision-making and social skills',
          'Helps staff use strategies that build pro-social skills',
        ],
      ],
      [
        'Building independence',
        [
          'Helps students name their own strengths and interests',
          'Gives students chances to speak up for themselves',
          'Involves students in choosing their own goals and activities',
          'Builds students’ thinking, problem-solving and self-review skills',
          'Helps students express ideas, worries and feelings to others',
          'Helps students judge their own progress toward their goals',
        ],
      ],
    ]),
  },
  {
    id: '5',
    title: 'Consultant',
    groups: grouped(5, [
      [
        'Consulting with the school and community',
        [
          'Uses a range of approaches: consultation, casework, groups, family work, crisis work, community organizing',
          'Helps adults understand what shapes a child’s school experience',
          'Brings students, families, staff and community into solving problems',
          'Involves parents and community in school planning',
        ],
      ],
      [
        'Meeting the needs of students with disabilities',
        [
          'Draws on student and family history from records',
          'Understands how disabilities can show up in behavior',
          'Helps adults understand special needs and their effect on learning',
          'Explains social work as a related service for students with disabilities',
          'Consults with staff, parents and others on a student’s special needs',
        ],
      ],
    ]),
  },
  {
    id: '6',
    title: 'Community liaison',
    groups: grouped(6, [
      [
        'Communicating with students, families, staff and community',
        [
          'Explains the purpose and value of social work to school and community',
          'Shares assessments, goals and strategies clearly with families and providers',
          'Keeps communication flowing between home and school',
          'Acts as a link with community providers and school staff',
          'Writes and explains the IEP social work piece clearly',
        ],
      ],
      [
        'Involving parents and community in education',
        [
          'Helps staff talk with parents with mutual respect',
          'Helps staff run good parent-teacher conferences',
          'Connects parents to community resources and helps them reach them on their own',
          'Helps parents voice their needs to school and agency staff',
          'Names unmet community needs that hurt learning and presses for services',
          'Reaches out to parents who face barriers to taking part',
        ],
      ],
    ]),
  },
  {
    id: '7',
    title: 'Manager',
    groups: grouped(7, [
      [
        'Planning programs and interventions',
        [
          'Organizes case information into treatment plans that support learning',
          'Writes action plans with assessment, goals, interventions and exit criteria',
          'Reviews whether programs work and tries other approaches when they do not',
        ],
      ],
      [
        'Organizing time, space and materials',
        [
          'Keeps steady schedules, routines and procedures',
          'Uses session time well and paces interventions',
          'Keeps a welcoming space suited to the work',
          'Meets documentation and report deadlines',
        ],
      ],
      ['Knowing the organization', ['Plans services with the district’s structure and local policies in mind']],
    ]),
  },
  {
    id: '8',
    title: 'Advocate',
    groups: grouped(8, [
      [
        'A positive learning environment',
        [
          'Promotes shared behavior standards and respectful relationships',
          'Encourages self-discipline grounded in self-worth and accountability',
          'Supports fair, respectful and consistent practices',
        ],
      ],
      [
        'Understanding of policies, rights and responsibilities',
        [
          'Helps students understand school policies and everyone’s roles',
          'Helps parents understand their legal rights and responsibilities',
          'Helps students and parents understand what each staff member does',
        ],
      ],
      [
        'Equitable access to services',
        [
          'Speaks up for student and parent rights in the student’s best interest',
          'Serves families with cultural understanding and competence',
          'Helps students and families advocate for educational needs',
          'Raises awareness of the problems families face and finds or creates services',
          'Asks for exceptions to rules when a student or family needs one',
          'Works to change rules and practices that block good services',
        ],
      ],
    ]),
  },
];

export const COMPETENCY_INDICATORS: readonly (CompetencyIndicator & { areaId: string })[] = COMPETENCY_AREAS.flatMap((area) =>
  area.groups.flatMap((group) => group.indicators.map((indicator) => ({ ...indicator, areaId: area.id }))),
);

export const INDICATOR_IDS = COMPETENCY_INDICATORS.map((indicator) => indicator.id) as [string, ...string[]];

export function isIndicatorId(id: string): boolean {
  return COMPETENCY_INDICATORS.some((indicator) => indicator.id === id);
}

export function indicatorText(id: string): string {
  return COMPETENCY_INDICATORS.find((indicator) => indicator.id === id)?.text ?? id;
}
