import { CreateOrganisationDocument, CreateProjectDocument, type CreateProjectInput } from '../generated/graphql';
import type { TestServer } from './test-server';

/** Creates an organisation through the API and returns its id. */
export async function createOrganisation(server: TestServer, name: string, kind: 'INTERNATIONAL_NGO' | 'MULTILATERAL' | 'NATIONAL_NGO' = 'INTERNATIONAL_NGO') {
  const { data, errors } = await server.graphql(CreateOrganisationDocument, { input: { name: { en: name }, kind } });
  if (errors) throw new Error(`createOrganisation failed: ${JSON.stringify(errors)}`);
  return data!.createOrganisation.id;
}

/** Creates a project through the API and returns it. */
export async function createProject(server: TestServer, input: Partial<CreateProjectInput> & { title?: CreateProjectInput['title'] }) {
  const { data, errors } = await server.graphql(CreateProjectDocument, { input: { title: { en: 'A project' }, ...input } });
  if (errors) throw new Error(`createProject failed: ${JSON.stringify(errors)}`);
  return data!.createProject;
}
