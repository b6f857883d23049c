/** Organisations of a project, each once, implementers first: what a reader wants to see first. */
export function organisationNames(participants: { role: string; organisation: { id: string; name?: string | null; acronym?: string | null } }[]): string {
  const order = ['IMPLEMENTING', 'ACCOUNTABLE', 'EXTENDING', 'FUNDING'];
  const sorted = [...participants].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const participant of sorted) {
    if (seen.has(participant.organisation.id)) continue;
    seen.add(participant.organisation.id);
    names.push(participant.organisation.acronym ?? participant.organisation.name ?? participant.organisation.id);
  }
  return names.join(', ');
}
