/** E-mail addresses and phone numbers of people never leave the server for anonymous callers. */
export const PERSONAL_DATA = 'Personal data: null unless you are signed in.';
