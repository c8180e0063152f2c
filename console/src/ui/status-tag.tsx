import { Tag } from 'antd';

/**
 * The tone of a status. antd's preset tag colours (gold on light yellow, green on light green…) fall short of the
 * 4.5:1 contrast staff with weaker eyes need, so these are dark fills under white text, each above 4.5:1.
 */
const TONES = {
  waiting: '#8a5300',
  good: '#237804',
  bad: '#a8071a',
  info: '#0958d9',
  active: '#006d75',
  neutral: '#595959',
} as const;

export type StatusTone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  const color = TONES[tone];
  return (
    <Tag variant="solid" style={{ color: '#fff', background: color, borderColor: color }}>
      {children}
    </Tag>
  );
}
