import { describe, expect, it } from 'vitest';
import { type Report, reportCsv } from '../../server/rooms/report.ts';

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
    };
    const csv = reportCsv({
      rows: [row, { ...row, nickname: 'Li, "Lei"', moved: false, l: null }],
    } as unknown as Report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'round,playerId,nickname,bot,moved,l,j,dz,deltaC,predicted,deltaBar,quality,points,rightSign,saturated,sigmaPrime,seconds',
    );
    expect(lines[1]).toBe(
      `1,p1,"'=HYPERLINK(""x"")",false,true,1,0,-0.5,-0.01,-0.011,0.02,0.9,900,true,false,0.2,3.5`,
    );
    expect(lines[2]).toContain('"Li, ""Lei""",false,false,,0');
  });
});
