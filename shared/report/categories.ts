import { DEFAULT_ISSUE_CATEGORIES } from '../domain/issueCategories';

/**
 * The issue categories a report counts students under (no zod here, so the
 * renderer can read the report's catalogue without the schema library).
 */

/** Students counted under worker-added issue categories, which are not comparable across workers. */
export const WORKER_DEFINED_CATEGORY = 'worker_defined';
export const REPORT_CATEGORY_IDS = [...DEFAULT_ISSUE_CATEGORIES.map((category) => category.id), WORKER_DEFINED_CATEGORY] as const;
