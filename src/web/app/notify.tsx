import type { NotificationData } from '@mantine/notifications';
import { type ComponentType, useEffect, useState } from 'react';
import i18n from './i18n';

type Show = (data: NotificationData) => void;
let host: ((data: NotificationData) => void) | null = null;
const waiting: NotificationData[] = [];

/**
 * Shows a notification ("Saved", "Report submitted"). Mantine's notifications load with the
 * first one, so pages that never notify (the public map) do not carry their code.
 */
export function notify(data: NotificationData): void {
  // Mantine's close button has no name of its own; screen readers need one.
  const named = { ...data, closeButtonProps: { 'aria-label': i18n.t('common:close'), ...data.closeButtonProps } };
  if (host) host(named);
  else waiting.push(named);
}

/** Mounted once in the app; renders Mantine's notifications after the first `notify`. */
export function NotificationsHost() {
  const [loaded, setLoaded] = useState<{ Notifications: ComponentType<{ position: 'top-right' }>; show: Show } | null>(null);
  useEffect(() => {
    const load = () => {
      void import('@mantine/notifications').then((module) => setLoaded({ Notifications: module.Notifications, show: (data) => module.notifications.show(data) }));
    };
    host = (data) => {
      waiting.push(data);
      load();
    };
    if (waiting.length) load();
    return () => {
      host = null;
    };
  }, []);
  useEffect(() => {
    if (!loaded) return;
    host = loaded.show;
    // Shown after the container has mounted.
    setTimeout(() => waiting.splice(0).forEach(loaded.show), 0);
  }, [loaded]);
  return loaded ? <loaded.Notifications position="top-right" /> : null;
}
