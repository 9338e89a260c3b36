import { describe, expect, it } from 'vitest';
import { type Report, reportCsv } from '../../server/rooms/report.ts';

/** One CSV line split as a spreadsheet with separator `sep` reads it (quotes respected). */
function splitCsv(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === sep) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

describe('report CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const row = {
      round: 1,
      playerId: 'p1',
      nickname: '=HYPERLINK("x")',
      bot: false,
      moved: true,
      l: 1,
      j: 0,
      dz: -0.5,
      deltaC: -0.01,
      predicted: -0.011,
      deltaBar: 0.02,
      quality: 0.9,
      points: 900,
      rightSign: true,
      saturated: false,
      sigmaPrime: 0.2,
      seconds: 3.5,
      misconceptions: ['alongDelta', 'overshoot'],
    };
    const csv = reportCsv({
      rows: [row, { ...row, nickname: 'Li, "Lei"', moved: false, l: null, misconceptions: [] }],
    } as unknown as Report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'round,playerId,nickname,bot,moved,layer,neuron,dz,deltaC,predicted,deltaBar,quality,points,rightSign,saturated,sigmaPrime,seconds,misconceptions',
    );
    // Layer and neuron in the book's numbering: the wire's l = 1, j = 0 is layer 2, neuron 1.
    expect(lines[1]).toBe(
      `1,"p1","'=HYPERLINK(""x"")",false,true,2,1,-0.5,-0.01,-0.011,0.02,0.9,900,true,false,0.2,3.5,"alongDelta overshoot"`,
    );
    expect(lines[2]).toContain('"Li, ""Lei""",false,false,,1');
  });

  it('gives no formula to a spreadsheet that splits on semicolons or tabs', () => {
    const base = { round: 1, playerId: 'p', bot: false, moved: false, points: 0 };
    const nicknames = ['c;=1+1;', 'a\t=2+2', 'x,@SUM(A1)', 'b; +1', '－1+1', '=1;2', 'q;"=1"'];
    const csv = reportCsv({
      rows: nicknames.map((nickname) => ({ ...base, nickname, l: null, j: null })),
    } as unknown as Report);
    for (const sep of [',', ';', '\t'])
      for (const line of csv.split('\r\n').slice(1, -1))
        for (const c of splitCsv(line, sep))
          expect(c.replace(/^["\s]+/, '')).not.toMatch(/^[=+\-@＝＋－＠]/);
  });
});
