// A rule's page, shown as the rendered Markdown preview (VS Code's built-in Markdown extension)
// rather than as an editable Markdown file; only pages shipped with the extension are opened.
import * as vscode from 'vscode';

export async function showRuleDoc(url: unknown): Promise<void> {
  if (typeof url !== 'string') return;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return;
  }
  if (!isRulePage(uri)) return;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown extension (it can be turned off): the page opens as text.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

/** A page of careplan's rule documentation on disk (what codeDescription.href points at). */
function isRulePage(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\/docs\/rules\/[a-z0-9-]+\.md$/.test(uri.path);
}

/** The command the rule-id links of the Problems panel and hovers run instead of opening the file. */
export const OPEN_RULE_PAGE_COMMAND = 'careplan.openRulePage';

/**
 * A diagnostic's rule-id link (codeDescription.href, a file:// URL of the rule's page) made into a
 * command link that shows the page rendered: the Problems panel and hovers open links with
 * commands allowed, and would otherwise open the Markdown source as an editable file. The link
 * carries only the rule id, so its tooltip stays readable.
 */
export function ruleLinksRendered(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    const code = d.code;
    if (typeof code !== 'object' || !isRulePage(code.target)) continue;
    const ruleId = /([a-z0-9-]+)\.md$/.exec(code.target.path)![1];
    d.code = { value: code.value, target: vscode.Uri.parse(`command:${OPEN_RULE_PAGE_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`) };
  }
  return diagnostics;
}

/** Shows the page of a rule shipped with the extension, rendered. */
export function openRulePage(extensionUri: vscode.Uri, ruleId: unknown): Promise<void> | undefined {
  if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  return showRuleDoc(vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`).toString());
}
