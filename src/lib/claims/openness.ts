/** Step 6: how often each country's notable models ship open weights, and under which licences. */
import { pct } from '../format.ts';
import * as v from '../views.ts';
import { claim, type Claim } from './claim.ts';

export function opennessClaims(): Claim[] {
  const share = v.openShareRecent();
  const lic = v.licenceCounts();
  const cnPermissive = v.licenceShare(lic, 'China', ['permissive']);
  const usPermissive = v.licenceShare(lic, 'United States', ['permissive']);
  const usRestricted = v.licenceShare(lic, 'United States', ['restricted', 'non-commercial']);

  return [
    claim('open-share-cn-higher', `In ${share.years}, ${pct(share.cn)} of the notable Chinese models in Epoch AI's database were released with open weights, against ${pct(share.us)} of the American ones.`, share.cn > share.us, 'China’s open-weight share of notable models exceeds the US share'),
    claim('licences-cn-permissive', `Licences tell a similar story. Of the open model families released since January 2025, ${pct(cnPermissive)} of the Chinese ones use a standard permissive licence such as MIT or Apache 2.0, against ${pct(usPermissive)} of the American ones; ${pct(usRestricted)} of the American families come with use policies, user thresholds or a ban on commercial use.`, cnPermissive > usPermissive && cnPermissive > 0.5, 'Chinese open families use permissive licences more often than American ones, and mostly'),
  ];
}
