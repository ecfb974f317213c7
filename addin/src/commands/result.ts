// The dialog the ribbon's シートをチェック opens with its summary (title and body in the query string).
const params = new URLSearchParams(location.search);
document.getElementById('title')!.textContent = params.get('t') ?? '目標シート';
document.getElementById('body')!.textContent = params.get('b') ?? '';

Office.onReady(() => {
  document.getElementById('close')!.addEventListener('click', () => Office.context.ui.messageParent('close'));
});
