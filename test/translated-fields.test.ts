/**
 * The hot `name(lang)` and `title(lang)` fields (server/plain-resolvers.ts): an explicit `lang`
 * wins, else the request's Accept-Language, else the fallbacks; and graphql-js resolves them
 * without a promise (the reason they are plain resolvers).
 */
import { type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { Language } from '../src/common/localized-text';
import { appSchema } from '../src/server/schema';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_RAYON = 'KG05214000000';

const PROJECT = `query ($id: ID!) {
  project(id: $id) {
    title en: title(lang: EN) ky: title(lang: KY)
    themes { code name ru: name(lang: RU) names { ru en } }
    coverage { unit { name en: name(lang: EN) names { ru en } } }
    participants { organisation { name ky: name(lang: KY) } }
  }
}`;

interface ProjectAnswer {
  project: {
    title: string;
    en: string;
    ky: string;
    themes: { code: string; name: string; ru: string; names: { ru: string; en: string } }[];
    coverage: { unit: { name: string; en: string; names: { ru: string; en: string } } }[];
    participants: { organisation: { name: string; ky: string } }[];
  };
}

let server: TestServer;
let projectId: string;

beforeAll(async () => {
  server = await startTestServer();
  const organisation = await createOrganisation(server, 'Water partner');
  const project = await createProject(server, {
    title: { ky: 'Суу долбоору', ru: 'Проект о воде', en: 'Water project' },
    themeCodes: ['CONFLICT_PREVENTION'],
    coverage: [{ unitCode: BATKEN_RAYON }],
    participants: [{ organisationId: organisation, role: 'IMPLEMENTING' }],
  });
  projectId = project.id;
});

afterAll(async () => {
  await server.close();
});

describe('translated fields', () => {
  it('answer in the request language, and in the lang argument where one is given', async () => {
    const russian = await server.graphql<ProjectAnswer, { id: string }>(PROJECT, { id: projectId }, { headers: { 'accept-language': 'ru' } });
    expect(russian.errors).toBeUndefined();
    const project = russian.data!.project;
    expect(project.title).toBe('Проект о воде');
    expect(project.en).toBe('Water project');
    expect(project.ky).toBe('Суу долбоору');
    const [theme] = project.themes;
    expect(theme.names.ru).not.toBe(theme.names.en);
    expect([theme.name, theme.ru]).toEqual([theme.names.ru, theme.names.ru]);
    const { unit } = project.coverage[0];
    expect(unit.names.ru).not.toBe(unit.names.en);
    expect([unit.name, unit.en]).toEqual([unit.names.ru, unit.names.en]);
    // The organisation has only an English name: every language falls back to it.
    expect(project.participants[0].organisation).toEqual({ name: 'Water partner', ky: 'Water partner' });

    const english = await server.graphql<ProjectAnswer, { id: string }>(PROJECT, { id: projectId }, { headers: { 'accept-language': 'en' } });
    expect(english.data!.project.title).toBe('Water project');
    expect(english.data!.project.coverage[0].unit.name).toBe(unit.names.en);
    expect(english.data!.project.themes[0].name).toBe(theme.names.en);
  });

  it('are resolved by graphql-js without a promise', async () => {
    const schema = await appSchema();
    const hot: [string, string, object][] = [
      ['Project', 'title', { title: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
      ['AdminUnit', 'name', { nameKy: 'Ky', nameRu: 'Ru', nameEn: 'En' }],
      ['Theme', 'name', { name: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
      ['Organisation', 'name', { name: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
      ['CoordinationBody', 'name', { name: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
      ['ActivityReport', 'title', { title: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
      ['Meeting', 'title', { title: { ky: 'Ky', ru: 'Ru', en: 'En' } }],
    ];
    for (const [typeName, fieldName, root] of hot) {
      const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
      const info = {} as GraphQLResolveInfo;
      expect([typeName, field.resolve!(root, {}, { language: Language.RU }, info)]).toEqual([typeName, 'Ru']);
      expect([typeName, field.resolve!(root, { lang: Language.KY }, { language: Language.RU }, info)]).toEqual([typeName, 'Ky']);
    }
  });
});
