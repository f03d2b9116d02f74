// Whether a YAML file looks like a careplan record from its first lines, without parsing it: the
// cheap test that decides whether a folder needs the language server at all.

/** Only the start of a file is read: `kind:` is a top-level field written first. */
export const HEAD_BYTES = 4096;

// A top-level `kind:` naming one of ours, loosely (Review, care plan, care_plan): near misses are
// records with a typo, which the server reports. Kubernetes' `kind: Deployment` does not match.
const KIND_LINE = /^kind:[ \t]*["']?(?:care[ _-]?plan|reviews?|supervision)\b/im;

/** Whether the start of a YAML text looks like a careplan record. */
export function looksLikeRecord(head: string): boolean {
  return KIND_LINE.test(head.length > HEAD_BYTES ? head.slice(0, HEAD_BYTES) : head);
}
