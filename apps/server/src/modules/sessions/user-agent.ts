import type { DeviceType } from '@portico/contracts';

export interface ParsedAgent {
  deviceType: DeviceType;
  browser: string;
  os: string;
}

/**
 * A small, deliberately conservative User-Agent reading for the devices page: the big four browsers and five
 * operating systems, "Unknown" otherwise. Order matters: Edge and Chrome on iOS say "Safari" too, Edge says "Chrome".
 */
export function parseUserAgent(ua: string | null | undefined): ParsedAgent {
  const s = ua ?? '';
  const browser =
    /\bEdg(?:e|A|iOS)?\//.test(s) ? 'Edge'
      : /\b(?:Firefox|FxiOS)\//.test(s) ? 'Firefox'
        : /\b(?:Chrome|CriOS|Chromium)\//.test(s) ? 'Chrome'
          : /\bVersion\/[\d.]+.*\bSafari\//.test(s) || (/\bAppleWebKit\//.test(s) && /\b(?:iPhone|iPad|iPod)\b/.test(s)) ? 'Safari'
            : 'Unknown';
  const os =
    /\b(?:iPhone|iPad|iPod)\b/.test(s) ? 'iOS'
      : /\bAndroid\b/.test(s) ? 'Android'
        : /\bWindows\b/.test(s) ? 'Windows'
          : /\bMac OS X\b|\bMacintosh\b/.test(s) ? 'macOS'
            : /\bLinux\b|\bX11\b|\bCrOS\b/.test(s) ? 'Linux'
              : 'Unknown';
  const deviceType: DeviceType =
    /\biPad\b|\bTablet\b/.test(s) || (os === 'Android' && !/\bMobile\b/.test(s)) ? 'tablet'
      : /\biPhone\b|\biPod\b|\bMobile\b/.test(s) ? 'phone'
        : os === 'Windows' || os === 'macOS' || os === 'Linux' ? 'desktop'
          : 'unknown';
  return { deviceType, browser, os };
}
