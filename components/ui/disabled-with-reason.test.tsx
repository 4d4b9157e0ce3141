import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Button } from './button';
import { DisabledWithReason } from './disabled-with-reason';

const REASON = 'Support staff cannot run requests that change a key';

/** The id each <button> is described by, in order. */
function describedBy(html: string): Array<string | undefined> {
  return [...html.matchAll(/<button([^>]*)>/g)].map((match) => /aria-describedby="([^"]*)"/.exec(match[1]!)?.[1]);
}

describe('DisabledWithReason', () => {
  it('disables the control and shows the reason as text the control is described by', () => {
    const html = renderToStaticMarkup(
      <DisabledWithReason reason={REASON}>
        <Button>Run again</Button>
      </DisabledWithReason>,
    );
    expect(html).toMatch(/<button[^>]* disabled=""/);
    const reasonId = /<span id="([^"]+)"[^>]*>Support staff cannot run requests that change a key<\/span>/.exec(
      html,
    )?.[1];
    expect(reasonId).toBeTruthy();
    expect(describedBy(html)).toEqual([reasonId]);
    // Text on the page, not a tooltip: nothing takes an extra Tab stop to show it.
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('role="tooltip"');
  });

  it('gives several controls refused for one reason one sentence, keeping what else describes them', () => {
    const html = renderToStaticMarkup(
      <DisabledWithReason reason={REASON} id="why">
        <Button aria-describedby="hint">Rename</Button>
        <Button>Delete key</Button>
      </DisabledWithReason>,
    );
    expect(html.match(new RegExp(REASON, 'g'))).toHaveLength(1);
    expect(describedBy(html)).toEqual(['hint why', 'why']);
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });

  it('leaves the controls as they are when there is no reason', () => {
    for (const reason of [null, undefined, '']) {
      const html = renderToStaticMarkup(
        <DisabledWithReason reason={reason}>
          <Button>Generate a new API Key</Button>
        </DisabledWithReason>,
      );
      expect(html).not.toContain('disabled=""');
      expect(describedBy(html)).toEqual([undefined]);
    }
  });
});
