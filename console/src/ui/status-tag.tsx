import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Text and background pairs above 4.5:1 (antd's preset tag colours are lighter than that). */
const TONES = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  warn: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  neutral: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  info: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
} as const;

export type Tone = keyof typeof TONES;

/** A short state word (正常, 已停用, 锁定…) in a readable colour for its tone. */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
