import type { Page } from 'playwright-core';

/**
 * What the console promises at 1366×768 (UX.md): nothing wider than the window, no card wider
 * than itself, no clipped button or link text, no column hidden for good under a fixed one, no
 * column squeezed to a character. Returns the problems found on the current page, in words.
 */
export async function findLayoutProblems(page: Page): Promise<string[]> {
  // Every horizontally scrolling table is scrolled to its right end first: a column that is still
  // covered by the fixed action column then can never be seen.
  return page.evaluate(async () => {
    const problems: string[] = [];
    const describe = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || el.className.toString().slice(0, 40);
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
    for (const card of document.querySelectorAll<HTMLElement>('.ant-layout-content .ant-card')) {
      if (card.scrollWidth > card.clientWidth + 1) problems.push(`card "${describe(card.querySelector('.ant-card-head') ?? card)}" overflows by ${card.scrollWidth - card.clientWidth}px`);
    }
    const scrollers = [...document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')];
    for (const s of scrollers) s.scrollLeft = s.scrollWidth;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const table of document.querySelectorAll<HTMLElement>('.ant-table')) {
      const heads = [...table.querySelectorAll<HTMLElement>('thead th.ant-table-cell')].filter(
        (th) => th.offsetParent !== null && !th.classList.contains('ant-table-selection-column') && !th.classList.contains('ant-table-cell-scrollbar'),
      );
      for (const th of heads) {
        const width = th.getBoundingClientRect().width;
        const title = (th.textContent ?? '').trim();
        if (title && width < 48) problems.push(`column "${title}" is only ${Math.round(width)}px wide`);
        const lineHeight = parseFloat(getComputedStyle(th).lineHeight) || 22;
        const text = th.querySelector<HTMLElement>('.ant-table-column-title') ?? th;
        if (title.length > 1 && text.getBoundingClientRect().height > lineHeight * 2.5)
          problems.push(`column title "${title}" wraps into ${Math.round(text.getBoundingClientRect().height / lineHeight)} lines`);
      }
      // A cell whose text runs down many lines is a column too narrow for what it holds.
      for (const td of table.querySelectorAll<HTMLElement>('tbody td.ant-table-cell')) {
        const lineHeight = parseFloat(getComputedStyle(td).lineHeight) || 22;
        const style = getComputedStyle(td);
        const inner = td.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        if (td.children.length === 0 && (td.textContent ?? '').trim() && inner > lineHeight * 4.5) {
          problems.push(`the text "${describe(td)}" wraps into ${Math.round(inner / lineHeight)} lines in a ${Math.round(td.getBoundingClientRect().width)}px column`);
          break;
        }
      }
      const fixedRight = heads.filter((th) => th.classList.contains('ant-table-cell-fix-right') || th.classList.contains('ant-table-cell-fix-end'));
      const fixedLeft = heads.filter((th) => th.classList.contains('ant-table-cell-fix-left') || th.classList.contains('ant-table-cell-fix-start'));
      const free = heads.filter((th) => !fixedRight.includes(th) && !fixedLeft.includes(th));
      const lastFree = free.at(-1);
      const firstFixed = fixedRight[0];
      if (lastFree && firstFixed && lastFree.getBoundingClientRect().right > firstFixed.getBoundingClientRect().left + 1) {
        problems.push(`column "${(lastFree.textContent ?? '').trim()}" stays under the fixed column "${(firstFixed.textContent ?? '').trim()}"`);
      }
    }
    for (const el of document.querySelectorAll<HTMLElement>('.ant-layout-content .ant-btn, .ant-layout-content .ant-table-cell a, .ant-modal .ant-btn, .ant-drawer .ant-btn')) {
      if (el.offsetParent === null || !(el.textContent ?? '').trim()) continue;
      // A button sending (antd's spinner squeezes its label while shown) is measured once it is done.
      if (el.classList.contains('ant-btn-loading')) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`the text of "${describe(el)}" is clipped`);
      const cell = el.closest<HTMLElement>('td, th');
      if (cell) {
        const a = el.getBoundingClientRect();
        const b = cell.getBoundingClientRect();
        if (a.right > b.right + 1 || a.left < b.left - 1) problems.push(`"${describe(el)}" sticks out of its table cell`);
      }
    }
    for (const s of scrollers) s.scrollLeft = 0;
    return problems;
  });
}

/** An open modal or drawer fits the window: its buttons are reachable without scrolling the page. */
export async function findOverlayProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const height = window.innerHeight;
    for (const modal of document.querySelectorAll<HTMLElement>('.ant-modal')) {
      if (modal.offsetParent === null) continue;
      const box = modal.querySelector<HTMLElement>('.ant-modal-container, .ant-modal-content') ?? modal;
      const rect = box.getBoundingClientRect();
      const title = (modal.querySelector('.ant-modal-title')?.textContent ?? '').trim();
      if (rect.top < 0 || rect.bottom > height + 1) problems.push(`modal "${title}" runs from ${Math.round(rect.top)} to ${Math.round(rect.bottom)}px in a ${height}px window`);
      for (const button of modal.querySelectorAll<HTMLElement>('.ant-modal-footer .ant-btn')) {
        const r = button.getBoundingClientRect();
        if (r.bottom > height || r.top < 0) problems.push(`button "${(button.textContent ?? '').trim()}" of modal "${title}" is outside the window`);
      }
    }
    for (const drawer of document.querySelectorAll<HTMLElement>('.ant-drawer-content-wrapper, .ant-drawer-section')) {
      if (drawer.offsetParent === null) continue;
      const r = drawer.getBoundingClientRect();
      if (r.bottom > height + 1) problems.push(`a drawer runs to ${Math.round(r.bottom)}px in a ${height}px window`);
    }
    return problems;
  });
}
