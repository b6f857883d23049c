/** Names shared by the jest global setup and the test files. */
export const TEMPLATE_DATABASE = 'yntymak_template';
/** Admin URL of the throwaway test cluster, set by the global setup for the test workers. */
export const ADMIN_URL_VARIABLE = 'YNTYMAK_TEST_ADMIN_URL';
