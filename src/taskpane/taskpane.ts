/**
 * Task pane entry. It shares its page (and runtime) with the custom functions.
 */
function showStatus(text: string): void {
  const el = document.getElementById("status");
  if (el) el.textContent = text;
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    showStatus(info.host ? `Ready in ${info.host}.` : "Open this page from Excel to use it.");
  });
}
