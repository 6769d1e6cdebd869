// Keyboard shortcuts, loaded on the first press of `j`, `k` or `?` (page.ts filters the keys).

let help: HTMLDialogElement | undefined;

export function press(key: string): void {
  if (key === '?') return showHelp();
  const headings = [...document.querySelectorAll<HTMLElement>('.content .ms-heading[id]')];
  const line = window.innerHeight * 0.3;
  // Headings above the reading line (with a little slack for the one just jumped to).
  const passed = headings.filter((heading) => heading.getBoundingClientRect().top < line - 8).length;
  const next = headings[key === 'j' ? passed : Math.max(passed - 2, 0)];
  if (!next) return;
  next.scrollIntoView({ block: 'start' });
  history.replaceState(null, '', '#' + next.id);
}

function showHelp(): void {
  if (!help) {
    help = document.createElement('dialog');
    help.className = 'shortcuts';
    help.setAttribute('aria-labelledby', 'ms-shortcuts-title');
    const keys = [
      ['j', 'Next section'],
      ['k', 'Previous section'],
      ['/', 'Search'],
      ['Ctrl K', 'Search'],
      ['?', 'This list'],
      ['Esc', 'Close'],
    ];
    help.innerHTML = `<h2 id="ms-shortcuts-title">Keyboard shortcuts</h2><dl>${keys.map(([key, what]) => `<dt><kbd>${key}</kbd></dt><dd>${what}</dd>`).join('')}</dl><form method="dialog"><button>Close</button></form>`;
    document.body.append(help);
  }
  help.showModal();
}
