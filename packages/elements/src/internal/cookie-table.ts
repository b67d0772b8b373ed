import { html, nothing, type TemplateResult } from 'lit';

/** A column of a cookie table: its heading, and each row's cell (the first column's cells head their rows). */
export type CookieColumn<Row> = [heading: unknown, cell: (row: Row) => unknown];

/**
 * A table of cookies (and storage keys), as the preferences dialog and the cookie declaration show
 * them: named by the element `labelledBy` points at, one row per cookie headed by its first
 * column, scrolling sideways on its own when it is wider than the page (WCAG 1.4.10 reflow). A
 * space between the cells keeps their text apart where it is read as one line (a row's textContent).
 */
export const cookieTable = <Row>(labelledBy: string, columns: CookieColumn<Row>[], rows: Row[], part?: string): TemplateResult =>
  html`<div class="table-scroll">
    <table part=${part ?? nothing} aria-labelledby=${labelledBy}>
      <thead>
        <tr>
          ${columns.map(([heading]) => html` <th scope="col">${heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            ${columns.map(([, cell], index) => (index ? html` <td>${cell(row)}</td>` : html` <th scope="row">${cell(row)}</th>`))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
