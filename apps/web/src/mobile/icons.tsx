// A few inline icons so the phone pages need no icon package (antd-mobile-icons is not a direct dependency).
type P = { size?: number };
const svg = (size: number, children: React.ReactNode) => (
  <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);
export const HomeIcon = ({ size = 24 }: P) => svg(size, <><path d="M3 10.5 12 3l9 7.5" /><path d="M5 9.5V21h14V9.5" /><path d="M10 21v-6h4v6" /></>);
export const PinIcon = ({ size = 24 }: P) => svg(size, <><path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" /><circle cx="12" cy="9.5" r="2.5" /></>);
export const BagIcon = ({ size = 24 }: P) => svg(size, <><path d="M5 8h14l-1 13H6L5 8z" /><path d="M9 8V6a3 3 0 0 1 6 0v2" /></>);
export const UserIcon = ({ size = 24 }: P) => svg(size, <><circle cx="12" cy="8" r="4" /><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" /></>);
export const ScaleIcon = ({ size = 24 }: P) => svg(size, <><path d="M12 3v18M5 21h14M6 7h12" /><path d="M6 7l-3 6a3 3 0 0 0 6 0L6 7zM18 7l-3 6a3 3 0 0 0 6 0l-3-6z" /></>);
export const HeartIcon = ({ size = 24 }: P) => svg(size, <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />);
export const CalendarIcon = ({ size = 24 }: P) => svg(size, <><rect x="4" y="5" width="16" height="16" rx="2" /><path d="M4 10h16M9 3v4M15 3v4" /></>);
export const CardIcon = ({ size = 24 }: P) => svg(size, <><rect x="3" y="6" width="18" height="13" rx="2" /><path d="M3 10h18M7 15h4" /></>);
export const LockIcon = ({ size = 24 }: P) => svg(size, <><rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V8a4 4 0 0 1 8 0v3" /></>);
export const FlagIcon = ({ size = 24 }: P) => svg(size, <><path d="M5 21V4" /><path d="M5 4h11l-2 4 2 4H5" /></>);
// A shop front with an awning: the service marketplace (服务超市).
export const StoreIcon = ({ size = 24 }: P) => svg(size, <><path d="M4 4h16l1 5H3l1-5z" /><path d="M3 9a3 3 0 0 0 6 0 3 3 0 0 0 6 0 3 3 0 0 0 6 0" /><path d="M5 12v9h14v-9" /><path d="M10 21v-5h4v5" /></>);
export const BulbIcon = ({ size = 24 }: P) => svg(size, <><path d="M9 18h6M10 21h4" /><path d="M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" /></>);
// A medal on a ribbon: 我的荣誉 (劳模工匠).
export const MedalIcon = ({ size = 24 }: P) => svg(size, <><path d="M8 3l2.5 6M16 3l-2.5 6" /><circle cx="12" cy="15" r="6" /><path d="M12 12l1 2h2l-1.5 1.5.5 2-2-1-2 1 .5-2L9 14h2z" /></>);
