/**
 * Plain-words explanations shared by the timescale readers: quoting what was written, the
 * suggestion to give a date, why a vague phrase is vague, and the team's own vague phrases.
 */
import { addDays } from './calendar';
import { type VagueClass, phraseRegex } from './phrases';
import type { TimescaleAnchors, TimescaleResult } from './types';

export function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `'${t.length > 60 ? `${t.slice(0, 57)}…` : t}'`;
}

export function example(anchors: TimescaleAnchors): string {
  const due = anchors.documentDate ? addDays(anchors.documentDate, 28) : 'YYYY-MM-DD';
  const bounded = anchors.reviewNumber !== undefined ? "'within 4 weeks of this review'" : "'within 4 weeks'";
  return `give a date (due: ${due}) or a bounded timescale such as ${bounded}`;
}

export const WHY: Readonly<Record<VagueClass | 'contingent' | 'team', (q: string) => string>> = {
  ongoing: (q) => `${q} does not say when this will be done or checked`,
  urgency: (q) => `${q} gives no date, so nobody can tell when it is late`,
  deferral: (q) => `${q} leaves the timing open`,
  undecided: (q) => `${q} leaves the timescale to be decided later`,
  frequency: (q) => `${q} does not say how often or until when`,
  period: (q) => `${q} is not a period anyone can check`,
  status: (q) => `${q} is a progress note, not a timescale`,
  contingent: (q) => `${q} waits on something with no date, so it does not say when this will be done`,
  team: (q) => `${q} is on this team's list of vague timescales`,
};

export function vague(phrase: string, cls: VagueClass | 'contingent' | 'team', anchors: TimescaleAnchors, why?: string): TimescaleResult {
  const suggestion = cls === 'frequency'
    ? "say how often and until when, such as 'every 6 weeks until the next review'"
    : cls === 'contingent'
      ? `${example(anchors)}, or add an end date to the event it waits on`
      : example(anchors);
  return { status: 'vague', phrase, why: why ?? WHY[cls](quote(phrase)), suggestion };
}

// Team phrases: the config's extra vague phrases, compiled once per list.

const teamRegexes = new Map<string, RegExp>();

export function teamRegex(phrases: readonly string[] | undefined): RegExp | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const key = phrases.join('\u0000');
  let re = teamRegexes.get(key);
  if (!re) {
    if (teamRegexes.size > 32) teamRegexes.clear();
    re = phraseRegex(phrases.filter((p) => typeof p === 'string'));
    teamRegexes.set(key, re);
  }
  return re;
}

