/**
 * Tooltip and icon content as DOM text nodes. Leaflet treats a string given to bindTooltip,
 * bindPopup or divIcon({ html }) as HTML; station names are typed by users (issue 9: a renamed
 * station ran script in a platform admin's browser). Lines are separate text nodes, never markup.
 */
export function textContent(...lines: (string | number | null | undefined)[]): HTMLElement {
  const box = document.createElement('div');
  lines
    .filter((line) => line !== null && line !== undefined && line !== '')
    .forEach((line, i) => {
      if (i > 0) box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(String(line)));
    });
  return box;
}
