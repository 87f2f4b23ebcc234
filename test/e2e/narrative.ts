// The explanation beside each step opens at its first paragraph, of about 60 words (issue 17 §1);
// the rest opens on "More" and stays in the page, folded, with its contract. The screenshot walk
// reads every step's first paragraph here, with the step's live numbers in.
import type { Page } from 'playwright-core';

/** "About 60 words": the issue's bound, with a sentence's slack for the live numbers' lengths. */
export const FIRST_PARAGRAPH_WORDS = 65;

/**
 * Folds the step's explanation (Less, when the walk had it whole), then checks the folded view: the
 * first paragraph has at most FIRST_PARAGRAPH_WORDS words, the other paragraphs are in the page but
 * not shown, and a "More" button says how many it opens. Returns the problems.
 */
export async function foldedStory(page: Page, where: string): Promise<string[]> {
  const less = page.getByRole('button', { name: 'Less', exact: true });
  if (await less.isVisible()) await less.click();
  const seen = await page.evaluate(() => {
    const story = document.querySelector<HTMLElement>('.story');
    if (!story || story.hidden) return null;
    const parts = [...story.children] as HTMLElement[];
    const more = [...document.querySelectorAll('button')].find((b) => /^More \(/.test(b.innerText.trim()));
    return {
      first: parts[0]?.innerText.trim() ?? '',
      count: parts.length,
      shown: parts.filter((p) => p.getClientRects().length > 0).length,
      more: more?.innerText.trim() ?? null,
      expanded: more?.getAttribute('aria-expanded') ?? null,
    };
  });
  if (!seen) return [];
  const problems: string[] = [];
  const words = seen.first.split(/\s+/).filter(Boolean).length;
  if (words > FIRST_PARAGRAPH_WORDS) problems.push(`${where}: the first paragraph has ${words} words (at most ${FIRST_PARAGRAPH_WORDS}): “${seen.first.slice(0, 80)}…”`);
  if (seen.shown !== Math.min(1, seen.count)) problems.push(`${where}: ${seen.shown} of ${seen.count} paragraphs shown, want the first alone`);
  const want = seen.count > 1 ? `More (${seen.count - 1} ${seen.count === 2 ? 'paragraph' : 'paragraphs'})` : null;
  if (seen.more !== want) problems.push(`${where}: the More button reads ${JSON.stringify(seen.more)}, want ${JSON.stringify(want)}`);
  if (want && seen.expanded !== 'false') problems.push(`${where}: More has aria-expanded=${seen.expanded}`);
  return problems;
}

/** Opens the whole explanation again (More), as the walk's waits read numbers from all of it. */
export async function unfoldStory(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: /^More \(/ });
  if (await more.isVisible()) await more.click();
}
