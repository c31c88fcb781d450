// Small pieces the directory's pages share.
/** A link to a web address only when it really is one (never javascript: or data:). */
export function SafeLink({ href, children }: { href: string; children?: string }) {
  if (!/^https?:\/\//i.test(href)) return <>{children ?? href}</>;
  return <a href={href}>{children ?? href}</a>;
}

export const distanceText = (km: number): string => {
  const miles = km / 1.609344;
  if (miles < 1) return 'less than a mile away';
  const rounded = miles < 10 ? Math.round(miles) : Math.round(miles / 5) * 5;
  return `about ${rounded} ${rounded === 1 ? 'mile' : 'miles'} away`;
};
