import * as React from 'react';
import { getId, Link, Stack, Text } from '@fluentui/react';
import type { WhyView } from '../viewmodel/rules';
import type { Translate } from './EmbeddedProfileView';

/**
 * "Why this match" under the badge: a disclosure (a button with aria-expanded that controls the panel), closed at
 * first so the card stays short. A sync match lists each criterion's points, strongest first, adding up to the score
 * shown; a match by hand says there is no score. Worded like the Salesforce badge, from the same catalogue keys.
 */
export function WhyThisMatch({ why, t }: { why: WhyView; t: Translate }): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const [panelId] = React.useState(() => getId('navsync-why'));
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Link aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('badge.whyTitle')}
      </Link>
      {open ? (
        <div id={panelId} className="navsync-ep-why">
          {why.kind === 'manual' ? (
            <Text block>{t('badge.whyManual')}</Text>
          ) : (
            <>
              <Text block data-id="why-total">
                {`${t('badge.whyTotal', { total: why.total })} · ${t(why.confidenceKey)}`}
              </Text>
              <ul>
                {why.lines.map((line) => (
                  <li key={line.criterion} data-criterion={line.criterion} data-points={line.points}>
                    <Text>
                      {t('common.labelValue', {
                        label: t(line.labelKey),
                        value: t('badge.whyShare', { points: line.points, share: line.share }),
                      })}
                    </Text>
                    {line.levelKey ? <Text className="navsync-ep-why-level">{` (${t(line.levelKey)})`}</Text> : null}
                  </li>
                ))}
              </ul>
              {why.noPointsKeys.length ? (
                <Text block variant="small">
                  {t('badge.whyNotCompared', { criteria: why.noPointsKeys.map((k) => t(k)).join(', ') })}
                </Text>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </Stack>
  );
}
