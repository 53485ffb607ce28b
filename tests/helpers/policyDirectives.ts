/** Reads a Content-Security-Policy back into its directives, so a header (`a x;b y`) and a meta (`a x; b y`) compare by meaning. */
export function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  )
}
