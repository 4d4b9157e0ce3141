import { errorText, say, type LocalizedText, type StatusKey, type TextValue } from '@/lib/errors/text/localized-text';
import type { ProblemView, UpstreamCondition, UpstreamMeaning } from '@/lib/keys/types';
import { describeStatus, STATUS_CODES } from '@/lib/sendsms/status-codes';

/**
 * A refresh's or a collection's failure as data the page words in the reader's language (UpstreamCondition,
 * components/keys/problem-text.ts): from the sentence's message key when the failure is at hand (the refresh), and
 * from its English when only that was kept (below). Everything else (an invalid request, text of another origin)
 * stays text, shown as it came.
 */

/** The condition a sendSMS failure's sentence names (lib/errors/upstream-error.ts); null for any other sentence. */
export function conditionOfText(text: LocalizedText): UpstreamCondition | null {
  if ('literal' in text) return null;
  if (text.namespace === 'errors' && text.key === 'upstream.nothingChanged') {
    const meaning = text.values?.meaning;
    const inner = typeof meaning === 'object' ? meaningOfText(meaning) : null;
    return inner && { ...inner, nothingChanged: true };
  }
  const meaning = meaningOfText(text);
  return meaning && { ...meaning, nothingChanged: false };
}

function meaningOfText(text: LocalizedText): UpstreamMeaning | null {
  if ('literal' in text) return null;
  const number = (name: string) => {
    const value = text.values?.[name];
    return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  };
  if (text.namespace === 'status') {
    const status = number('status');
    return Number.isInteger(status) ? { code: 'status', status } : null;
  }
  switch (text.key) {
    case 'upstream.timeout': {
      const seconds = number('seconds');
      return Number.isFinite(seconds) ? { code: 'timeout', seconds } : null;
    }
    case 'upstream.budget': {
      const perMinute = number('perMinute');
      const seconds = number('seconds');
      return Number.isFinite(perMinute) && Number.isFinite(seconds) ? { code: 'budget', perMinute, seconds } : null;
    }
    case 'upstream.network':
      return { code: 'network' };
    case 'upstream.httpStatus':
      return { code: 'httpStatus' };
    case 'upstream.notJson':
      return { code: 'notJson' };
    case 'upstream.badEnvelope':
      return { code: 'badEnvelope' };
    case 'upstream.unknownShape':
      return { code: 'unknownShape' };
    case 'upstream.defaultKeyFirstUse':
      return { code: 'defaultKeyFirstUse' };
    default:
      return null;
  }
}

/** The sentence the condition names, as a message key: the server's own words for it. */
export function conditionText(condition: UpstreamCondition): LocalizedText {
  const meaning = meaningText(condition);
  return condition.nothingChanged ? errorText('upstream.nothingChanged', { meaning }) : meaning;
}

function meaningText(meaning: UpstreamMeaning): LocalizedText {
  switch (meaning.code) {
    case 'status': {
      const described = describeStatus(meaning.status);
      return statusSentence(described.name, String(described.status));
    }
    case 'timeout':
      return errorText('upstream.timeout', { seconds: meaning.seconds });
    case 'budget':
      return errorText('upstream.budget', { perMinute: meaning.perMinute, seconds: meaning.seconds });
    default:
      return errorText(`upstream.${meaning.code}`);
  }
}

/** As lib/errors/text/localized-text.ts's statusText, with any value for the status (a mark, below). */
function statusSentence(key: StatusKey, status: TextValue): LocalizedText {
  return { namespace: 'status', key, values: { status } };
}

/** A failure as the refresh meets it: its condition when it is a known one, and its English. */
export function problemOfText(text: LocalizedText): ProblemView & { message: string } {
  return { condition: conditionOfText(text), message: say(text, 'en') };
}

/**
 * A failure kept only as its English: the audit log's keys.refresh rows (`params.message`) and the collection's
 * AccountCollection.lastProblem, a text column (keeping a code there would need a migration). THE ONE PLACE that
 * reads English back into a condition: each candidate is the sentence the dashboard says today for a condition (the
 * `errors` messages' upstream.*, the `status` messages), said in English with marks where its numbers go (so the
 * candidates follow messages/en, not a copy of its words); a sentence that matches none stays text (`condition: null`).
 */
export function problemOfMessage(message: string | null): ProblemView {
  return { condition: message === null ? null : conditionOfMessage(message), message };
}

export function conditionOfMessage(message: string): UpstreamCondition | null {
  const { prefix, suffix } = nothingChangedFrame();
  const plain = meaningOfMessage(message);
  if (plain) return { ...plain, nothingChanged: false };
  if (message.length > prefix.length + suffix.length && message.startsWith(prefix) && message.endsWith(suffix)) {
    const meaning = meaningOfMessage(message.slice(prefix.length, message.length - suffix.length));
    if (meaning) return { ...meaning, nothingChanged: true };
  }
  return null;
}

/** Stands for a value of a sentence said to be read back: no message holds it. */
const MARK = '\u0000';
/** A number no sentence holds in its own right and that the messages write without grouping: a plural's count. */
const MANY = 987;
/** A number as the English messages write it (1,000 · 0.3 · -8192). */
const NUMBER = '-?[0-9][0-9,]*(?:\\.[0-9]+)?';

type Numbers = Record<string, number>;

interface Candidate {
  pattern: RegExp;
  meaning: (numbers: Numbers) => UpstreamMeaning;
}

let candidates: Candidate[] | null = null;
let frame: { prefix: string; suffix: string } | null = null;

/** What "{meaning} The dashboard changed nothing." puts around the meaning. */
function nothingChangedFrame(): { prefix: string; suffix: string } {
  if (!frame) {
    const said = say(errorText('upstream.nothingChanged', { meaning: { literal: MARK } }), 'en');
    const [prefix = '', suffix = ''] = said.split(MARK);
    frame = { prefix, suffix };
  }
  return frame;
}

/** A sentence as a pattern: each value (a mark, or a number as written) becomes a capture of that name. */
function patternOf(sentence: string, values: Readonly<Record<string, string>> = {}): RegExp {
  let source = sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [name, value] of Object.entries(values)) source = source.split(value).join(`(?<${name}>${NUMBER})`);
  return new RegExp(`^${source}$`);
}

const en = (text: LocalizedText) => say(text, 'en');

const fixed = (meaning: UpstreamMeaning): Candidate => ({
  pattern: patternOf(en(meaningText(meaning))),
  meaning: () => meaning,
});

function allCandidates(): Candidate[] {
  candidates ??= [
    ...Object.values(STATUS_CODES).map(({ status }) => fixed({ code: 'status', status })),
    ...(['network', 'httpStatus', 'notJson', 'badEnvelope', 'unknownShape', 'defaultKeyFirstUse'] as const).map(
      (code) => fixed({ code }),
    ),
    ...(['unknown_error', 'unknown_success'] as const).map((key): Candidate => ({
      pattern: patternOf(en(statusSentence(key, MARK)), { status: MARK }),
      meaning: ({ status }) => ({ code: 'status', status: status! }),
    })),
    {
      pattern: patternOf(en(errorText('upstream.timeout', { seconds: MARK })), { seconds: MARK }),
      meaning: ({ seconds }) => ({ code: 'timeout', seconds: seconds! }),
    },
    // The plural's two forms: "1 query", and "987 queries" with the count read back.
    {
      pattern: patternOf(en(errorText('upstream.budget', { perMinute: 1, seconds: MARK })), { seconds: MARK }),
      meaning: ({ seconds }) => ({ code: 'budget', perMinute: 1, seconds: seconds! }),
    },
    {
      pattern: patternOf(en(errorText('upstream.budget', { perMinute: MANY, seconds: MARK })), {
        perMinute: String(MANY),
        seconds: MARK,
      }),
      meaning: ({ perMinute, seconds }) => ({ code: 'budget', perMinute: perMinute!, seconds: seconds! }),
    },
  ];
  return candidates;
}

function meaningOfMessage(sentence: string): UpstreamMeaning | null {
  for (const candidate of allCandidates()) {
    const match = candidate.pattern.exec(sentence);
    if (match === null) continue;
    const numbers = Object.entries(match.groups ?? {}).map(([name, text]) => [name, Number(text.replace(/,/g, ''))]);
    return candidate.meaning(Object.fromEntries(numbers));
  }
  return null;
}
