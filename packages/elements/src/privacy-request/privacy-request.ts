import type { PrivacyRequestEvent, PrivacyRequestKind } from '@keuze/core';
import { logError, PRIVACY_REQUEST_KINDS } from '@keuze/core/internal';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { i18n, t, type TextKey } from '../i18n/i18n.js';
import { emailProblem, type EmailProblem } from '../internal/newsletter/email-address.js';
import { askHost, HostError, type HostEvent } from '../internal/newsletter/host-call.js';
import { formStyles } from '../internal/newsletter/newsletter.styles.js';
// The email errors (`email.*`) are the newsletter's: one wording for one rule.
import '../internal/newsletter/newsletter.texts.js';
import { buttonStyles, fieldStyles, themeStyles } from '../internal/theme.styles.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import { clampBox, drawIdCopy, ID_COPY_TYPES, maskedIdCopy, readIdImage, type IdCopyProblem, type MaskBox } from './id-copy.js';
import { requestStyles } from './privacy-request.styles.js';
import './privacy-request.texts.js';

/** The kinds in the order the form offers them by default. */
/** Kinds that mean nothing without a description: what is wrong (GDPR art. 16), which processing and why (art. 21(1)). */
const NEEDS_MESSAGE: PrivacyRequestKind[] = ['rectification', 'objection'];
/** How far one arrow key moves or resizes a box, as a fraction of the image. */
const STEP = 0.02;

/** The handler's type: receives the request, answers `{ reference }` (or a promise of it). */
export type PrivacyRequestHandler = (event: PrivacyRequestEvent) => unknown;

type Problems = {
  kind?: boolean;
  name?: boolean;
  email?: EmailProblem;
  message?: boolean;
  idCopy?: 'need' | 'box' | IdCopyProblem;
};

type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; reference: string; answerBy: Date } | { kind: 'error'; reason: HostError['reason'] };

/** A pointer drawing a new box from `origin`, or moving box `index` that started at `start`. */
type Drag = { mode: 'draw'; index: number; origin: Point } | { mode: 'move'; index: number; origin: Point; start: MaskBox };
type Point = { x: number; y: number };

/**
 * @tagname keuze-privacy-request
 * @summary A form for a visitor's rights request under GDPR articles 15–21 (access, rectification,
 * erasure, objection, portability, withdrawing consent): name, email and what it is about; on
 * request the stored cookie choice; where the site asks for it, a copy of an ID that the visitor
 * masks in the page, of which only the masked copy is sent. The host answers with a reference.
 *
 * @fires {CustomEvent<PrivacyRequestEvent>} keuze-privacy-request - Each attempt to send a valid request, with the event sent to the host as detail.
 *
 * @csspart base - The form.
 * @csspart id-copy - The image the visitor masks, with its black boxes.
 * @csspart button - The submit and retry buttons.
 * @csspart message - The outcome: the reference and answer date, or an error.
 *
 * @cssproperty [--keuze-form-max-width=32rem] - The widest the element gets.
 */
export class PrivacyRequest extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, fieldStyles, formStyles, requestStyles];

  /** Instead of the page config's `onEvent`: a function that receives the request and answers `{ reference }`. */
  @property({ attribute: false }) handler?: PrivacyRequestHandler;

  /** A kind chosen in advance, e.g. `erasure` on a "delete my data" page. The visitor can still change it. */
  @property() kind?: PrivacyRequestKind;

  @state() private chosenKind?: PrivacyRequestKind;
  @state() private name = '';
  @state() private email = '';
  @state() private message = '';
  @state() private attachConsent = false;
  @state() private boxes: MaskBox[] = [];
  @state() private boxStatus = '';
  @state() private problems: Problems = {};
  @state() private outcome: Outcome = { kind: 'idle' };
  /** The decoded original, in this page only: never sent, stored or kept once the element is gone. */
  @state() private idImage?: { image: ImageBitmap; type: (typeof ID_COPY_TYPES)[number] };

  @query('canvas') private preview?: HTMLCanvasElement;
  @query('.stage') private stage?: HTMLElement;

  private drag?: Drag;
  /** Counts picked files: a slow decode that a newer pick overtook is dropped. */
  private picks = 0;
  /** What the preview canvas shows, so it is drawn again only when that changes. */
  private drawn?: [ImageBitmap, string];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Gone, not just moved (a move reconnects in the same task): drop the original.
    queueMicrotask(() => this.isConnected || this.releaseImage());
  }

  /** The configured kinds, each once; all six when none is configured (an empty list offers nothing to ask). */
  private get offeredKinds(): PrivacyRequestKind[] {
    const kinds = this.consent.config?.privacyRequest?.kinds?.filter((kind, i, all) => all.indexOf(kind) == i);
    return kinds?.length ? kinds : [...PRIVACY_REQUEST_KINDS];
  }

  /** The visitor's choice, else the `kind` attribute, else the only kind offered. */
  private get selectedKind(): PrivacyRequestKind | undefined {
    const offered = this.offeredKinds;
    const kind = this.chosenKind ?? this.kind ?? (offered.length == 1 ? offered[0] : undefined);
    return kind && offered.includes(kind) ? kind : undefined;
  }

  protected override render(): unknown {
    const config = this.consent.config;
    if (!config) return nothing;
    if (this.outcome.kind == 'done') return this.renderDone(this.outcome);
    const { problems } = this;
    const kind = this.selectedKind;
    const messageRequired = !!kind && NEEDS_MESSAGE.includes(kind);
    const record = this.consent.record;
    const sending = this.outcome.kind == 'sending';
    const idCopy = config.privacyRequest?.idCopy ?? 'off';
    return html`
      <form part="base" novalidate aria-label=${t('request.title')} @submit=${this.submit}>
        <fieldset>
          <legend>${t('request.kind')}</legend>
          ${this.offeredKinds.map(
            (option) => html`<div class="check">
              <input
                id="kind-${option}"
                type="radio"
                name="kind"
                required
                .value=${option}
                .checked=${kind == option}
                aria-invalid=${problems.kind ? 'true' : 'false'}
                aria-describedby="kind-error"
                @change=${() => this.chooseKind(option)}
              />
              <label for="kind-${option}">${t(`request.kind.${option}`)}</label>
            </div>`,
          )}
          <p id="kind-error" class="error" role="alert">${problems.kind ? t('request.needKind') : ''}</p>
        </fieldset>
        <div>
          <label for="name">${t('request.name')}</label>
          <input id="name" type="text" autocomplete="name" required .value=${this.name} aria-invalid=${problems.name ? 'true' : 'false'} aria-describedby="name-error" @input=${this.typeName} />
          <p id="name-error" class="error" role="alert">${problems.name ? t('request.needName') : ''}</p>
        </div>
        <div>
          <label for="email">${t('request.email')}</label>
          <input
            id="email"
            type="email"
            inputmode="email"
            autocomplete="email"
            required
            .value=${this.email}
            aria-invalid=${problems.email ? 'true' : 'false'}
            aria-describedby="email-hint email-error"
            @input=${this.typeEmail}
          />
          <p id="email-hint" class="hint">${t('request.emailHint')}</p>
          <p id="email-error" class="error" role="alert">${problems.email ? t(`email.${problems.email}` as TextKey) : ''}</p>
        </div>
        <div>
          <label for="message">${t('request.message')}</label>
          <p id="message-hint" class="hint">${t(messageRequired ? (`request.messageHint.${kind}` as TextKey) : 'request.messageHint')}</p>
          <textarea
            id="message"
            rows="4"
            ?required=${messageRequired}
            .value=${this.message}
            aria-invalid=${problems.message ? 'true' : 'false'}
            aria-describedby="message-hint message-error"
            @input=${this.typeMessage}
          ></textarea>
          <p id="message-error" class="error" role="alert">${problems.message && kind ? t(`request.needMessage.${kind}` as TextKey) : ''}</p>
        </div>
        ${
          record
            ? html`<div class="check">
              <input id="attach-consent" type="checkbox" .checked=${this.attachConsent} aria-describedby="attach-consent-hint" @change=${(event: Event) => (this.attachConsent = (event.target as HTMLInputElement).checked)} />
              <span>
                <label for="attach-consent">${t('request.attachConsent')}</label>
                <span id="attach-consent-hint" class="hint">${t('request.attachConsentHint', { id: record.consentId })}</span>
              </span>
            </div>`
            : nothing
        }
        ${idCopy == 'off' ? nothing : this.renderIdCopy(idCopy == 'optional')}
        ${this.outcome.kind == 'error' ? html`<p part="message" class="message failure" role="alert">${t(`request.${this.outcome.reason}`)}</p>` : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? t('request.sending') : this.outcome.kind == 'error' ? t('request.retry') : t('request.submit')}
          </button>
        </div>
      </form>
    `;
  }

  private renderIdCopy(optional: boolean): unknown {
    const problem = this.problems.idCopy;
    const errors: Record<NonNullable<Problems['idCopy']>, TextKey> = {
      need: 'request.needIdCopy',
      box: 'request.needBox',
      type: 'request.idCopy.type',
      size: 'request.idCopy.size',
      unreadable: 'request.idCopy.unreadable',
    };
    return html`<div class="id-copy">
      <label for="id-copy">${t(optional ? 'request.idCopyOptional' : 'request.idCopy')}</label>
      <p id="id-copy-hint" class="hint">${t('request.idCopyHint')}</p>
      <input
        id="id-copy"
        type="file"
        accept=${ID_COPY_TYPES.join(',')}
        ?required=${!optional}
        aria-invalid=${problem == 'need' || problem == 'type' || problem == 'size' || problem == 'unreadable' ? 'true' : 'false'}
        aria-describedby="id-copy-hint id-copy-error"
        @change=${this.pickImage}
      />
      ${
        this.idImage
          ? html`<div class="stage" part="id-copy" @pointerdown=${this.startDrag} @pointermove=${this.moveDrag} @pointerup=${this.endDrag} @pointercancel=${this.endDrag}>
              <canvas role="img" aria-label=${t('request.watermark', this.watermarkValues())}></canvas>
              ${this.boxes.map(
                (_, index) => html`<div
                  class="mask"
                  data-index=${index}
                  tabindex="0"
                  role="group"
                  aria-label=${t('request.box', { number: String(index + 1) })}
                  aria-describedby="box-help"
                  @keydown=${(event: KeyboardEvent) => this.boxKey(event, index)}
                ></div>`,
              )}
            </div>
            <p id="box-help" class="hint">${t('request.boxHelp')}</p>
            <div class="actions">
              <button type="button" class="button secondary" id="add-box" aria-describedby="id-copy-error" @click=${this.addBox}>${t('request.addBox')}</button>
              ${this.boxes.map((_, index) => html`<button type="button" class="link-button" @click=${() => this.removeBox(index)}>${t('request.removeBox', { number: String(index + 1) })}</button>`)}
            </div>
            <p class="visually-hidden" role="status">${this.boxStatus}</p>`
          : nothing
      }
      <p id="id-copy-error" class="error" role="alert">${problem ? t(errors[problem]) : ''}</p>
    </div>`;
  }

  private renderDone(outcome: Extract<Outcome, { kind: 'done' }>): unknown {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(outcome.answerBy);
    return html`<div part="message" class="message" role="status" tabindex="-1">
        <p>${t('request.sent', { reference: outcome.reference })}</p>
        <p>${t('request.answerBy', { date })}</p>
      </div>
      <button type="button" part="button" class="link-button" @click=${this.startAnother}>${t('request.another')}</button>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Placed through the CSSOM, which a strict CSP allows (a style attribute it would block).
    for (const mask of this.renderRoot.querySelectorAll<HTMLElement>('.mask')) {
      const box = this.boxes[Number(mask.dataset.index)]!;
      Object.assign(mask.style, { left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` });
    }
    // The preview: the image and the watermark line, as they will be sent (the boxes lie on top).
    const image = this.idImage?.image;
    const watermark = t('request.watermark', this.watermarkValues());
    if (image && this.preview && (this.drawn?.[0] != image || this.drawn[1] != watermark || !this.preview.width)) {
      drawIdCopy(this.preview, image, [], watermark);
      this.drawn = [image, watermark];
    }
  }

  private watermarkValues(): Record<string, string> {
    const controller = this.consent.config?.privacyRequest?.controller || location.hostname;
    return { controller, date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date()) };
  }

  private chooseKind(kind: PrivacyRequestKind): void {
    this.chosenKind = kind;
    this.problems = { ...this.problems, kind: false, message: this.problems.message && NEEDS_MESSAGE.includes(kind) && !this.message.trim() };
  }

  // Each error goes as soon as its field is fixed; while still wrong, it stays as it was.
  private readonly typeName = (event: Event): void => {
    this.name = (event.target as HTMLInputElement).value;
    if (this.name.trim()) this.problems = { ...this.problems, name: false };
  };

  private readonly typeEmail = (event: Event): void => {
    this.email = (event.target as HTMLInputElement).value;
    if (this.problems.email && !emailProblem(this.email)) this.problems = { ...this.problems, email: undefined };
  };

  private readonly typeMessage = (event: Event): void => {
    this.message = (event.target as HTMLTextAreaElement).value;
    if (this.message.trim()) this.problems = { ...this.problems, message: false };
  };

  private readonly pickImage = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.releaseImage();
    this.boxes = [];
    if (!file) {
      this.picks++;
      this.problems = { ...this.problems, idCopy: undefined };
      return;
    }
    const pick = ++this.picks;
    const read = await readIdImage(file);
    if (pick != this.picks || !this.isConnected) {
      if ('image' in read) read.image.close();
      return;
    }
    if ('problem' in read) {
      input.value = '';
      this.problems = { ...this.problems, idCopy: read.problem };
      return;
    }
    this.idImage = read;
    // A new image needs its own boxes: say so until it has one.
    this.problems = { ...this.problems, idCopy: this.problems.idCopy && 'box' };
  };

  private releaseImage(): void {
    this.idImage?.image.close();
    this.idImage = undefined;
    this.drawn = undefined;
    const input = this.renderRoot?.querySelector<HTMLInputElement>('#id-copy');
    if (input && !this.isConnected) input.value = '';
  }

  private setBoxes(boxes: MaskBox[]): void {
    this.boxes = boxes;
    if (boxes.length && this.problems.idCopy == 'box') this.problems = { ...this.problems, idCopy: undefined };
  }

  private readonly addBox = async (): Promise<void> => {
    // Each new box a little lower than the last, clear of the watermark line in the middle.
    const offset = (this.boxes.length % 4) * 0.06;
    this.setBoxes([...this.boxes, clampBox({ x: 0.08 + offset, y: 0.08 + offset, width: 0.3, height: 0.14 })]);
    await this.focusBox(this.boxes.length - 1);
  };

  private async removeBox(index: number): Promise<void> {
    this.setBoxes(this.boxes.filter((_, i) => i != index));
    await this.updateComplete;
    // Focus stays in the masker: on the box that took its place, else the add button.
    if (this.boxes.length) await this.focusBox(Math.min(index, this.boxes.length - 1));
    else this.renderRoot.querySelector<HTMLElement>('#add-box')?.focus();
  }

  private async focusBox(index: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.mask[data-index="${index}"]`)?.focus();
    this.announceBox(index);
  }

  private announceBox(index: number): void {
    const box = this.boxes[index];
    if (!box) return;
    const percent = (fraction: number): string => String(Math.round(fraction * 100));
    this.boxStatus = t('request.boxPlace', { number: String(index + 1), left: percent(box.x), top: percent(box.y), width: percent(box.width), height: percent(box.height) });
  }

  /** Arrow keys move the box, Shift with them resizes it, Delete or Backspace removes it. */
  private boxKey(event: KeyboardEvent, index: number): void {
    const box = this.boxes[index];
    if (!box) return;
    if (event.key == 'Delete' || event.key == 'Backspace') {
      event.preventDefault();
      void this.removeBox(index);
      return;
    }
    const [dx, dy] = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[event.key] ?? [];
    if (dx === undefined || dy === undefined) return;
    // The page must not scroll while a box moves.
    event.preventDefault();
    const moved = event.shiftKey ? { ...box, width: box.width + dx, height: box.height + dy } : { ...box, x: box.x + dx, y: box.y + dy };
    this.setBoxes(this.boxes.map((other, i) => (i == index ? clampBox(moved) : other)));
    this.announceBox(index);
  }

  /** Where the pointer is over the image, in fractions of it. */
  private pointAt(event: PointerEvent): Point {
    const area = this.stage!.getBoundingClientRect();
    const fraction = (value: number): number => Math.min(1, Math.max(0, value));
    return { x: fraction((event.clientX - area.left) / area.width), y: fraction((event.clientY - area.top) / area.height) };
  }

  private readonly startDrag = (event: PointerEvent): void => {
    if (event.button != 0 || !this.stage) return;
    const origin = this.pointAt(event);
    const mask = (event.target as HTMLElement).closest<HTMLElement>('.mask');
    event.preventDefault();
    this.stage.setPointerCapture(event.pointerId);
    if (mask) {
      const index = Number(mask.dataset.index);
      mask.focus();
      this.drag = { mode: 'move', index, origin, start: this.boxes[index]! };
    } else {
      this.drag = { mode: 'draw', index: this.boxes.length, origin };
      this.setBoxes([...this.boxes, { ...origin, width: 0, height: 0 }]);
    }
  };

  private readonly moveDrag = (event: PointerEvent): void => {
    const drag = this.drag;
    if (!drag) return;
    const point = this.pointAt(event);
    const box =
      drag.mode == 'move'
        ? clampBox({ ...drag.start, x: drag.start.x + point.x - drag.origin.x, y: drag.start.y + point.y - drag.origin.y })
        : { x: Math.min(point.x, drag.origin.x), y: Math.min(point.y, drag.origin.y), width: Math.abs(point.x - drag.origin.x), height: Math.abs(point.y - drag.origin.y) };
    this.boxes = this.boxes.map((other, i) => (i == drag.index ? box : other));
  };

  private readonly endDrag = (): void => {
    const drag = this.drag;
    this.drag = undefined;
    if (!drag) return;
    const box = this.boxes[drag.index];
    if (!box) return;
    // A click without a drag draws nothing.
    if (drag.mode == 'draw' && box.width < 0.01 && box.height < 0.01) {
      this.boxes = this.boxes.filter((_, i) => i != drag.index);
      return;
    }
    this.setBoxes(this.boxes.map((other, i) => (i == drag.index ? clampBox(box) : other)));
    void this.focusBox(drag.index);
  };

  private readonly startAnother = async (): Promise<void> => {
    this.outcome = { kind: 'idle' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="kind"]')?.focus();
  };

  private validate(): Problems {
    const kind = this.selectedKind;
    const idCopy = this.consent.config?.privacyRequest?.idCopy ?? 'off';
    const fileProblem = this.problems.idCopy == 'type' || this.problems.idCopy == 'size' || this.problems.idCopy == 'unreadable' ? this.problems.idCopy : undefined;
    return {
      kind: !kind,
      name: !this.name.trim(),
      email: emailProblem(this.email) ?? undefined,
      message: !!kind && NEEDS_MESSAGE.includes(kind) && !this.message.trim(),
      // A refused file blocks nothing when the copy is optional: the request goes without one.
      idCopy: idCopy == 'off' ? undefined : this.idImage ? (this.boxes.length ? undefined : 'box') : idCopy == 'required' ? (fileProblem ?? 'need') : undefined,
    };
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // One request at a time: a second press while one runs does nothing.
    if (this.outcome.kind == 'sending') return;
    const problems = this.validate();
    this.problems = problems;
    const first = (['kind', 'name', 'email', 'message', 'idCopy'] as const).find((field) => problems[field]);
    if (first) {
      this.outcome = { kind: 'idle' };
      await this.updateComplete;
      const target = { kind: 'input[name="kind"]', name: '#name', email: '#email', message: '#message', idCopy: problems.idCopy == 'box' ? '#add-box' : '#id-copy' }[first];
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    this.outcome = { kind: 'sending' };
    const config = this.consent.config;
    const { endpoint, timeout } = config?.privacyRequest ?? {};
    try {
      const consent = this.attachConsent ? this.consent.record : null;
      const idCopy = this.idImage && (await maskedIdCopy(this.idImage.image, this.idImage.type, this.boxes, t('request.watermark', this.watermarkValues())));
      const request: PrivacyRequestEvent = {
        type: 'privacy-request',
        kind: this.selectedKind!,
        name: this.name.trim(),
        email: this.email.trim(),
        message: this.message.trim(),
        ...(consent ? { consent } : {}),
        ...(idCopy ? { idCopy } : {}),
        language: i18n.language,
        timestamp: new Date().toISOString(),
      };
      const answer = await askHost<unknown>(this, request, config, this.handler, { endpoint, timeout, encode: requestForm });
      const reference = referenceOf(answer);
      if (!reference) {
        logError('the host answered "privacy-request" without a reference; answer { reference: "…" }. Got:', answer);
        throw new HostError('failed');
      }
      this.outcome = { kind: 'done', reference, answerBy: answerDeadline(new Date(request.timestamp)) };
      // Sent: the original and what it is about go; name and email stay for another request.
      this.releaseImage();
      this.boxes = [];
      this.message = '';
      this.chosenKind = undefined;
      this.attachConsent = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
    } catch (error) {
      if (!(error instanceof HostError)) logError('could not send the privacy request:', error);
      this.outcome = { kind: 'error', reason: error instanceof HostError ? error.reason : 'failed' };
    }
  };
}

/** The host's reference, as text a visitor can read and quote: 1 to 100 characters, no control characters. */
function referenceOf(answer: unknown): string | undefined {
  const reference = (answer as { reference?: unknown } | null | undefined)?.reference;
  const text = typeof reference == 'string' || typeof reference == 'number' ? String(reference).trim() : '';
  return /^[^\p{Cc}]{1,100}$/u.test(text) ? text : undefined;
}

/** One month after the request (GDPR art. 12(3)); from 31 January that is the last day of February. */
export function answerDeadline(received: Date): Date {
  const deadline = new Date(received);
  deadline.setMonth(deadline.getMonth() + 1);
  if (deadline.getDate() != received.getDate()) deadline.setDate(0);
  return deadline;
}

/** `privacyRequest.endpoint`'s body: multipart/form-data with the event's fields; the ID copy as a file. */
function requestForm(event: HostEvent): FormData {
  const request = event as PrivacyRequestEvent;
  const form = new FormData();
  for (const field of ['kind', 'name', 'email', 'message'] as const) form.set(field, request[field]);
  if (request.consent) form.set('consent', JSON.stringify(request.consent));
  if (request.idCopy) form.set('idCopy', request.idCopy, `id-copy.${request.idCopy.type == 'image/png' ? 'png' : 'jpg'}`);
  form.set('language', request.language);
  form.set('timestamp', request.timestamp);
  return form;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'keuze-privacy-request': CustomEvent<PrivacyRequestEvent>;
  }
}
