import type { IconName } from '../components/ui/icons';

export interface NavItem {
  to: string;
  label: string;
  /** Phones show a shorter label in the bottom bar. */
  short: string;
  icon: IconName;
  /** False: sidebar only. The phone bottom bar holds six items at most; the rest are linked under each page. */
  phone?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Dashboard', short: 'Home', icon: 'home' },
  { to: '/results', label: 'Results', short: 'Results', icon: 'flask' },
  { to: '/vitals', label: 'Vitals', short: 'Vitals', icon: 'heart' },
  { to: '/record', label: 'Health record', short: 'Record', icon: 'clipboard' },
  { to: '/documents', label: 'Documents', short: 'Docs', icon: 'file' },
  { to: '/appointments', label: 'Appointments', short: 'Visits', icon: 'calendar' },
  { to: '/access-log', label: 'Who accessed my record', short: 'Access', icon: 'info', phone: false },
  { to: '/devices', label: 'Devices', short: 'Devices', icon: 'devices', phone: false },
];
