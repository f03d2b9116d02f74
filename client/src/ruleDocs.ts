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
  if (uri.scheme !== 'file' || !/\/docs\/rules\/[a-z0-9-]+\.md$/.test(uri.path)) return;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown extension (it can be turned off): the page opens as text.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
