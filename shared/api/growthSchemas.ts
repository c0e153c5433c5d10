import { z } from 'zod';
import { RUBRIC_LEVEL_IDS, isIndicatorId } from '../domain/competencies';
import { SUPERVISION_KIND_IDS, SUPERVISION_STREAK_WEEKS } from '../domain/growth';
import { isSchoolYear } from '../domain/schoolYear';
import { TEAM_TYPE_IDS } from '../domain/serviceKinds';
import { FilePath, ReplaceChoice } from './handoverSchemas';
import { Id, IsoDate } from './schemas';

/** Inputs and results of professional growth: self-evaluation, PD plan and CEUs, supervision. */

export const SchoolYear = z.string().refine(isSchoolYear, 'expected a school year such as 2026-27');
export const IndicatorId = z.string().max(10).refine(isIndicatorId, 'not a competency indicator');
export const RubricLevel = z.enum(RUBRIC_LEVEL_IDS);
export const SupervisionKind = z.enum(SUPERVISION_KIND_IDS);

/** An evidence note or a goal: the worker's own words about their practice, never about a student. */
export const EVIDENCE_MAX_CHARS = 2000;
export const EvidenceText = z.string().max(EVIDENCE_MAX_CHARS, `an evidence note is at most ${EVIDENCE_MAX_CHARS} characters`);

const Tally = z.object({ count: z.number().int().min(0), minutes: z.number().int().min(0) });

/** Counts from the worker's own log over a school year: numbers only, never a student, never a note. */
export const EvidenceSummary = z.object({
  schoolYear: SchoolYear,
  from: IsoDate,
  to: IsoDate,
  counts: z.object({
    staffConsultations: Tally,
    parentConsultations: Tally,
    classroomObservations: Tally,
    homeVisits: Tally,
    parentTrainings: Tally,
    pdProvided: Tally,
    pdAttended: Tally,
    teamMeetings: Tally,
    crisisResponses: Tally,
    spedActivities: Tally,
    supervision: Tally,
  }),
  teamMeetingsByType: z.array(Tally.extend({ teamType: z.enum(TEAM_TYPE_IDS) })),
  supervisionByKind: z.array(Tally.extend({ kind: SupervisionKind })),
});
export type EvidenceSummary = z.infer<typeof EvidenceSummary>;

export const SelfEvaluationEntry = z.object({
  indicatorId: z.string(),
  rating: RubricLevel.nullable(),
  evidence: z.string(),
  /** The rating given in the school year before, beside this one. */
  previousRating: RubricLevel.nullable(),
  updatedAt: z.string().nullable(),
});
export type SelfEvaluationEntry = z.infer<typeof SelfEvaluationEntry>;

export const SelfEvaluation = z.object({
  schoolYear: SchoolYear,
  previousSchoolYear: SchoolYear,
  entries: z.array(SelfEvaluationEntry),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;

export const SchoolYearInput = z.object({ schoolYear: SchoolYear }).strict();

export const SelfEvaluationRateInput = z
  .object({ schoolYear: SchoolYear, indicatorId: IndicatorId, rating: RubricLevel.nullable(), evidence: EvidenceText })
  .strict();

export const SelfEvaluationExportInput = z.object({ schoolYear: SchoolYear, file: FilePath, replace: ReplaceChoice }).strict();
export const SelfEvaluationExportResult = z.object({ path: z.string(), bytes: z.number().int().min(0), sha256: z.string() });
export type SelfEvaluationExportResult = z.infer<typeof SelfEvaluationExportResult>;

export const GoalText = z.string().trim().min(1, 'write the goal').max(500, 'a goal is at most 500 characters');

export const PdGoal = z.object({
  id: Id,
  schoolYear: SchoolYear,
  indicatorId: z.string(),
  goal: z.string(),
  doneOn: IsoDate.nullable(),
  createdAt: z.string(),
});
export type PdGoal = z.infer<typeof PdGoal>;

export const PdGoalCreateInput = z.object({ schoolYear: SchoolYear, indicatorId: IndicatorId, goal: GoalText }).strict();
export const PdGoalUpdateInput = z.object({ id: Id, goal: GoalText.optional(), doneOn: IsoDate.nullable().optional() }).strict();

export const CeuCycleYear = z.object({
  /** 1 to 5. */
  index: z.number().int().min(1).max(5),
  from: IsoDate,
  to: IsoDate,
  hours: z.number().min(0),
  current: z.boolean(),
});

/**
 * Professional development attended over the worker's five-year cycle. With
 * the requirement off, the required, remaining and per-year fields are null.
 */
export const CeuProgress = z.object({
  requirementApplies: z.boolean(),
  status: z.enum(['not-set', 'not-started', 'current']),
  today: IsoDate,
  cycleStart: IsoDate.nullable(),
  cycleEnd: IsoDate.nullable(),
  sessions: z.number().int().min(0),
  minutes: z.number().int().min(0),
  contactHours: z.number().min(0),
  ceus: z.number().min(0),
  requiredHours: z.number().nullable(),
  remainingHours: z.number().min(0).nullable(),
  /** Cycle years left, this one included. */
  yearsLeft: z.number().int().min(0).max(5).nullable(),
  /** The remaining hours spread evenly over the years left. */
  hoursPerYearLeft: z.number().min(0).nullable(),
  years: z.array(CeuCycleYear),
});
export type CeuProgress = z.infer<typeof CeuProgress>;

export const SupervisionCredential = z.string().trim().max(120, 'a credential is at most 120 characters');

export const SupervisionAddInput = z
  .object({
    date: IsoDate,
    minutes: z.number().int().min(1, 'at least 1 minute').max(600, 'at most 600 minutes'),
    kind: SupervisionKind,
    credential: SupervisionCredential.nullable().optional(),
  })
  .strict();

export const SupervisionSession = z.object({
  id: Id,
  date: IsoDate,
  minutes: z.number().int(),
  kind: SupervisionKind,
  credential: z.string().nullable(),
  createdAt: z.string(),
});
export type SupervisionSession = z.infer<typeof SupervisionSession>;

export const SupervisionOverview = z.object({
  schoolYear: SchoolYear,
  /** Of the last `of` weeks (Monday to Sunday, this week included), how many had supervision. */
  streak: z.object({ weeksWithSupervision: z.number().int().min(0), of: z.literal(SUPERVISION_STREAK_WEEKS), thisWeek: z.boolean() }),
  /** This school year, by kind. */
  byKind: z.array(Tally.extend({ kind: SupervisionKind })),
  /** This school year's sessions, newest first. */
  sessions: z.array(SupervisionSession),
});
export type SupervisionOverview = z.infer<typeof SupervisionOverview>;
