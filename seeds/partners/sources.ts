/**
 * Labels of the source documents (shared/source-documents, extracted in shared/data/seed-facts.md)
 * that the seeded rows cite in their `source` text.
 */
export const DOC = {
  /** Department of Interethnic Relations, Ministry of Culture, Information, Sport and Youth Policy: tasks and key partners. */
  DEPARTMENT: '[000] Department of Interethnic Relations page',
  /** State Agency for LSG and Interethnic Relations: its page, written mid-2014. */
  AGENCY: '[001] State Agency page (mid-2014)',
  /** UNDP news item, 12 May 2023, Issyk-Kul. */
  UNDP_2023: '[002] UNDP news, 12 May 2023',
  /** Rural Development Fund project page. */
  RDF: '[003] Rural Development Fund project page',
  /** Human Rights Council page. */
  HRC: '[004] Human Rights Council page',
  /** Facts from other public sources (seed-facts.md marks them "(public)"). */
  PUBLIC: '(public)',
} as const;

/**
 * Said in the `source` of a seeded record whose texts come from a Kyrgyz document: the Kyrgyz
 * text is the document's wording, the others are the hub's translations of it.
 */
export const KYRGYZ_WORDING = 'Kyrgyz text in the words of the document; Russian and English are translations of it.';
