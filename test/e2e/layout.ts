// How far a page scrolls sideways: at 200% zoom (a 480 px wide window) every view must fit.
import type { Page } from '@playwright/test';

export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const { documentElement } = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document;
    return documentElement.scrollWidth - documentElement.clientWidth;
  });
