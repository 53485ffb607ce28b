/** Negotiation tables as people say them: `table-12` is table 12 (the floor plan's ids). */
export const tableNumberOf = (tableId: string) => tableId.replace(/^table-/, '')
