import type { ThemeConfig } from 'antd';

/**
 * antd's default link blue, placeholder and secondary greys fall below WCAG AA contrast (4.5:1) on white and on
 * the light red of an overdue row; these darker shades pass on both.
 */
export const READABLE_THEME: ThemeConfig = {
  token: {
    colorLink: '#0958d9',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  },
};

/** Red text that stays readable on white and on an overdue row's background. */
export const READABLE_DANGER = '#a8071a';
