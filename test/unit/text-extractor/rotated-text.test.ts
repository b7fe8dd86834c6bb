import {
  chooseTurnedReading,
  stackBoxesOfReadings,
  findWordStacks,
  replaceStack,
  type RotatedTextSettings,
} from '../../../shared/adapters/embedded/text-extractor/rotated-text.js';
import type { OcrWord } from '../../../shared/adapters/embedded/text-extractor/ocr-words.js';
import { ROTATED_TEXT } from '../../../shared/adapters/embedded/text-extractor/ocr-settings.js';

/** The shipped settings: the cases below are the ones they are meant to catch and to leave alone. */
const settings: RotatedTextSettings = ROTATED_TEXT;

function word(text: string, x0: number, y0: number, x1: number, y1: number, line: number): OcrWord {
  return { text, confidence: 40, box: { x0, y0, x1, y1 }, line };
}

/** A column of junk words, one a line, as a page pass reads a number printed a quarter turn round. */
function junkColumn(x0: number, top: number, firstLine: number): OcrWord[] {
  return ['oo', 'nN', 'ro', 'oO', 'AN', '~J'].map((text, index) =>
    word(text, x0 + (index % 2), top + index * 42, x0 + 54, top + index * 42 + 30, firstLine + index),
  );
}

describe('finding lines of text turned a quarter turn', () => {
  it('finds a narrow column of short words stacked one under the next', () => {
    // Prepare
    const column = junkColumn(2230, 2570, 10);
    const ordinaryLine = [word('DIVISION:', 100, 2570, 300, 2600, 0), word('Boise', 350, 2570, 450, 2600, 0)];

    // Act
    const stacks = findWordStacks([...ordinaryLine, ...column], { width: 2500, dpi: 300 }, settings);

    // Assess
    expect(stacks).toHaveLength(1);
    expect(stacks[0]?.words.map((w) => w.text)).toEqual(['oo', 'nN', 'ro', 'oO', 'AN', '~J']);
    expect(stacks[0]?.box).toEqual({ x0: 2230, y0: 2570, x1: 2284, y1: 2570 + 5 * 42 + 30 });
  });

  it('ignores columns that are too short, too far apart, too thin, or made of long or wide words', () => {
    // Prepare
    const short = junkColumn(100, 100, 0).slice(0, 3);
    const spread = ['a', 'b', 'c', 'd'].map((text, index) => word(text, 600, 100 + index * 100, 630, 130 + index * 100, index));
    const long = ['TOTAL', 'AMOUNT', 'PAID', 'DUE'].map((text, index) => word(text, 1000, 100 + index * 42, 1050, 130 + index * 42, index));
    const wide = ['12', '34', '56', '78'].map((text, index) => word(text, 1500, 100 + index * 42, 1700, 130 + index * 42, index));
    const thin = ['|', '|', '|', '|'].map((text, index) => word(text, 1900, 100 + index * 42, 1905, 130 + index * 42, index));

    // Act
    const stacks = findWordStacks([...short, ...spread, ...long, ...wide, ...thin], { width: 2500, dpi: 300 }, settings);

    // Assess
    expect(stacks).toEqual([]);
  });

  it('replaces the words inside a stack by the reading of the turned line, in its place among the lines', () => {
    // Prepare
    const above = [word('Pages', 100, 2000, 300, 2030, 0)];
    const column = junkColumn(2230, 2570, 1);
    const besideColumn = word('Texaco', 100, 2580, 300, 2610, 1);
    const below = [word('Page1', 100, 3000, 300, 3030, 7)];
    const box = { x0: 2230, y0: 2570, x1: 2285, y1: 2810 };
    const reading = [word('82200067', 0, 0, 30, 200, 0)];

    // Act
    const lines = replaceStack([above, [besideColumn, ...column.slice(0, 1)], ...column.slice(1).map((w) => [w]), below], box, reading);

    // Assess
    expect(lines.map((line) => line.map((w) => w.text))).toEqual([['Pages'], ['Texaco'], ['82200067'], ['Page1']]);
    expect(lines[2]?.[0]).toMatchObject({ box, line: 8 });
  });
});

describe('choosing the reading of a turned line', () => {
  const reading = (model: string, text: string, confidence: number) => ({
    model,
    words: [{ ...word(text, 0, 0, 10, 10, 0), confidence }],
  });

  it('takes the surest reading when it is sure enough, and none when no reading is', () => {
    // Act / Assess
    expect(chooseTurnedReading([reading('best', '85679964', 72), reading('fast', '85629964', 89)], settings)?.[0]?.text).toBe('85629964');
    expect(chooseTurnedReading([reading('best', '85679964', 72), reading('fast', '85629961', 60)], settings)).toBeUndefined();
  });

  it('takes a line two models read alike however unsure they are, but not two readings by one model', () => {
    // Prepare
    const agreed = [reading('best', 'ObSLETLS.', 0), reading('best', '‘87137840', 21), reading('fast', '87137840', 0)];
    const sameModel = [reading('best', '87137840', 21), reading('best', '87137840', 30)];

    // Act / Assess: the surer of the agreeing readings is kept, with its punctuation.
    expect(chooseTurnedReading(agreed, settings)?.[0]?.text).toBe('‘87137840');
    expect(chooseTurnedReading(sameModel, settings)).toBeUndefined();
  });

  it('never takes a reading with too few letters and digits', () => {
    expect(chooseTurnedReading([reading('best', 'a.', 99), reading('fast', 'a', 95)], settings)).toBeUndefined();
  });
});

describe('finding turned lines in several readings of a page', () => {
  it('joins the parts of one turned line that different readings show as stacks, and keeps separate lines apart', () => {
    // Prepare: the merged reading holds the line's lower part as a stack (its top read as one long word); a pass
    // holds the whole line; another turned line sits elsewhere on the page.
    const whole = junkColumn(2230, 2570, 10);
    const merged = [word('8225ZQ56', 2230, 2570, 2284, 2700, 9), ...junkColumn(2230, 2700, 10)];
    const elsewhere = junkColumn(100, 300, 20);

    // Act
    const boxes = stackBoxesOfReadings([merged, [...whole, ...elsewhere]], { width: 2500, dpi: 300 }, settings);

    // Assess
    expect(boxes).toHaveLength(2);
    expect(boxes).toEqual(
      expect.arrayContaining([
        { x0: 2230, y0: 2570, x1: 2284, y1: 2700 + 5 * 42 + 30 },
        { x0: 100, y0: 300, x1: 154, y1: 300 + 5 * 42 + 30 },
      ]),
    );
  });
});
