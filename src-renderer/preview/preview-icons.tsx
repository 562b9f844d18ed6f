import type { SVGProps } from 'react';

type P = SVGProps<SVGSVGElement> & { size?: number };
const Svg = ({ size = 16, children, ...rest }: P) => (
  <svg width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" {...rest}>
    {children}
  </svg>
);

export const FirstIcon = (p: P) => <Svg {...p}><rect x="5" y="5" width="2.4" height="14" rx="1" /><path d="M18.5 6.2v11.6a.8.8 0 0 1-1.2.7L9.4 12.7a.8.8 0 0 1 0-1.4l7.9-5.8a.8.8 0 0 1 1.2.7Z" /></Svg>;
export const PrevIcon = (p: P) => <Svg {...p}><path d="M16.5 6.2v11.6a.8.8 0 0 1-1.2.7L7.4 12.7a.8.8 0 0 1 0-1.4l7.9-5.8a.8.8 0 0 1 1.2.7Z" /></Svg>;
export const NextIcon = (p: P) => <Svg {...p}><path d="M7.5 6.2v11.6a.8.8 0 0 0 1.2.7l7.9-5.8a.8.8 0 0 0 0-1.4L8.7 5.5a.8.8 0 0 0-1.2.7Z" /></Svg>;
export const LastIcon = (p: P) => <Svg {...p}><rect x="16.6" y="5" width="2.4" height="14" rx="1" /><path d="M5.5 6.2v11.6a.8.8 0 0 0 1.2.7l7.9-5.8a.8.8 0 0 0 0-1.4L6.7 5.5a.8.8 0 0 0-1.2.7Z" /></Svg>;
