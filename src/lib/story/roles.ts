// The story's fixed model roles: run labels (v1, v2, …) grow with every run, so each story model
// also carries the role it plays (DESIGN.md, "Contract for automated walkthroughs").
/** Roles of the story's models, in story order. */
export const STORY_ROLES = ['noisy', 'relabelled', 'rebalanced', 'stale', 'fresh', 'impressions_policy', 'ctr_policy'] as const;

/** A story model's role: noisy (step 4), relabelled (6), rebalanced (8), stale / fresh (9–10), the two policies (11–13). */
export type StoryRole = (typeof STORY_ROLES)[number];

/** True for a known role name (validates stored records). */
export function isStoryRole(s: unknown): s is StoryRole {
  return typeof s === 'string' && (STORY_ROLES as readonly string[]).includes(s);
}

/** How each role reads on screen (the role names themselves are contract, not prose). */
export const ROLE_LABELS: Record<StoryRole | 'baseline', string> = {
  noisy: 'noisy labels',
  relabelled: 'relabelled',
  rebalanced: 'rebalanced',
  stale: 'stale',
  fresh: 'fresh window',
  impressions_policy: 'impressions policy',
  ctr_policy: 'CTR policy',
  baseline: 'rule-based baseline',
};

/** A role as it reads, or a dash for none. */
export function roleLabel(role: string | null | undefined): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as keyof typeof ROLE_LABELS] : '—';
}

/** A story model named by its role first and its run label second: "relabelled (v2)". */
export function modelName(role: string | null | undefined, version: string | null | undefined): string {
  const r = roleLabel(role);
  return version ? `${r} (${version})` : r;
}
