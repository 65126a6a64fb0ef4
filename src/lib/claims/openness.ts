/** Step 6: how often each country's notable models ship open weights, and under which licences. */
import { fmtDate, pct } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, input, type Claim } from './claim.ts';

/** Open and known-access counts of a country group over some years of Epoch's notable models. */
function openCounts(group: string, years: number[]) {
  const rs = tables.openShare().filter((r) => r.country_group === group && years.includes(r.year));
  const open = rs.reduce((n, r) => n + r.open_weight_models, 0);
  return { open, known: rs.reduce((n, r) => n + r.open_weight_models + r.closed_models, 0) };
}

export function opennessClaims(): Claim[] {
  const share = v.openShareRecent();
  const epochAsOf = tables.openShare()[0]?.source_as_of ?? '';
  const [y0, y1] = share.years.split('–').map(Number) as [number, number];
  // A year still running at the capture date is partial: the sentence says so.
  const partial = epochAsOf.startsWith(String(y1)) && !epochAsOf.endsWith('12-31');
  const cn = openCounts('China', [y0, y1]);
  const us = openCounts('United States', [y0, y1]);
  // The same comparison two years earlier: a claim that would flip under another window must say so.
  const cnBefore = openCounts('China', [y0 - 2, y1 - 2]);
  const usBefore = openCounts('United States', [y0 - 2, y1 - 2]);
  const lic = v.licenceCounts();
  const cnPermissive = v.licenceShare(lic, 'China', ['permissive']);
  const usPermissive = v.licenceShare(lic, 'United States', ['permissive']);
  const usRestricted = v.licenceShare(lic, 'United States', ['restricted', 'non-commercial']);
  // Robustness: counting "conditional" licences as permissive, and counting only families released since the video.
  const cnWide = v.licenceShare(lic, 'China', ['permissive', 'conditional']);
  const usWide = v.licenceShare(lic, 'United States', ['permissive', 'conditional']);
  const sinceVideo = v.licenceCounts(v.videoWindow().earliest);
  const cnSince = v.licenceShare(sinceVideo, 'China', ['permissive']);
  const usSince = v.licenceShare(sinceVideo, 'United States', ['permissive']);
  const aaDate = v.latestAsOf('artificialanalysis', 'models');
  const years = `${y0} and ${y1}${partial ? ` (to ${fmtDate(epochAsOf)})` : ''}`;

  return [
    claim('open-share-cn-higher', `In ${years}, ${cn.open} of the ${cn.known} notable Chinese models in Epoch AI's database (${pct(share.cn)}) were released with open weights, against ${us.open} of the ${us.known} American ones (${pct(share.us)}). The gap is not new: in ${y0 - 2} and ${y1 - 2} the shares were ${pct(cnBefore.open / cnBefore.known)} and ${pct(usBefore.open / usBefore.known)}.`,
      share.cn > share.us && cnBefore.open / cnBefore.known > usBefore.open / usBefore.known, 'China’s open-weight share of notable models exceeds the US share in the two latest years and in the two years before',
      { inputs: [input(`Chinese notable, open / known access, ${y0}–${y1}`, `${cn.open}/${cn.known}`, epochAsOf), input(`American notable, open / known access, ${y0}–${y1}`, `${us.open}/${us.known}`, epochAsOf), input(`Chinese, ${y0 - 2}–${y1 - 2}`, `${cnBefore.open}/${cnBefore.known}`, epochAsOf), input(`American, ${y0 - 2}–${y1 - 2}`, `${usBefore.open}/${usBefore.known}`, epochAsOf)],
        falsifiedBy: 'an American open-weight share at or above China’s in either two-year window' }),
    claim('licences-cn-permissive', `Licences tell a similar story. Of the open model families released since January 2025 that Artificial Analysis lists, ${pct(cnPermissive)} of the Chinese ones use a standard permissive licence such as MIT or Apache 2.0, against ${pct(usPermissive)} of the American ones; ${pct(usRestricted)} of the American families come with use policies, user thresholds or a ban on commercial use. Counting licences with conditions above a size threshold as permissive (${pct(cnWide)} against ${pct(usWide)}), or only families released since the video (${pct(cnSince)} against ${pct(usSince)}), does not change the order.`,
      cnPermissive > usPermissive && cnPermissive > 0.5 && cnWide > usWide && cnSince > usSince, 'Chinese open families use permissive licences more often than American ones, and mostly; the order holds with conditional licences counted as permissive and for families released since the video',
      { inputs: [input('Chinese permissive share', Math.round(cnPermissive * 1000) / 1000, aaDate), input('American permissive share', Math.round(usPermissive * 1000) / 1000, aaDate), input('American restricted or non-commercial share', Math.round(usRestricted * 1000) / 1000, aaDate), input('Chinese share with conditional', Math.round(cnWide * 1000) / 1000, aaDate), input('American share with conditional', Math.round(usWide * 1000) / 1000, aaDate), input('Chinese share since the video', Math.round(cnSince * 1000) / 1000, aaDate), input('American share since the video', Math.round(usSince * 1000) / 1000, aaDate)],
        falsifiedBy: 'American open families as often permissive as Chinese ones under any of the three counts, or fewer than half the Chinese ones permissive' }),
    claim('fig-notable-open-by-country', `In ${years}, ${pct(share.cn)} of Chinese notable models shipped open weights (${cn.open} of ${cn.known}), against ${pct(share.us)} of American ones (${us.open} of ${us.known}).`, share.cn > share.us, 'China’s open-weight share exceeds the US share',
      { inputs: [input('Chinese share', Math.round(share.cn * 1000) / 1000, epochAsOf), input('American share', Math.round(share.us * 1000) / 1000, epochAsOf)], falsifiedBy: 'an American share at or above China’s' }),
    claim('fig-licences-by-country', `${pct(cnPermissive)} of Chinese open model families released since 2025 use a permissive licence such as MIT or Apache 2.0, against ${pct(usPermissive)} of American ones.`, cnPermissive > usPermissive, 'Chinese open families use permissive licences more often than American ones',
      { inputs: [input('Chinese permissive share', Math.round(cnPermissive * 1000) / 1000, aaDate), input('American permissive share', Math.round(usPermissive * 1000) / 1000, aaDate)], falsifiedBy: 'an American permissive share at or above China’s' }),
  ];
}
