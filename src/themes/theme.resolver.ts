import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { Theme } from './theme.entity';
import { CreateThemeInput, UpdateThemeInput } from './theme.inputs';
import type { ThemeRecord } from './theme.loaders';
import { createTheme, listThemes, updateTheme } from './theme.service';

const themeName = translatedField((theme: ThemeRecord) => theme.name);

@Resolver(() => Theme)
export class ThemeResolver {
  @Public()
  @Query(() => [Theme], { description: 'The theme taxonomy, in its display order.' })
  themes(@Ctx() ctx: RequestContext) {
    return listThemes(ctx);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => Theme, {
    description: 'Adds a theme to the taxonomy (ADMIN, SECRETARIAT). The analytics are rebuilt when it commits, so the new theme counts at once.',
  })
  createTheme(@Arg('input', { description: 'The theme.' }) input: CreateThemeInput, @Ctx() ctx: RequestContext) {
    return createTheme(ctx, input);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => Theme, { description: "Changes a theme's names, description, DAC codes or position (ADMIN, SECRETARIAT); its code never changes." })
  updateTheme(
    @Arg('code', { description: 'Code of the theme, e.g. CONFLICT_PREVENTION.' }) code: string,
    @Arg('input', { description: 'What to change.' }) input: UpdateThemeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateTheme(ctx, code, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(themeName)
  name(
    @Root() theme: ThemeRecord,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return themeName(theme, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Name in Kyrgyz, Russian and English.' })
  names(@Root() theme: ThemeRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(theme.name, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the theme covers.' })
  description(@Root() theme: ThemeRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(theme.description, ctx.language);
  }
}
