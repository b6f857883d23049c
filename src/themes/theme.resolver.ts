import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../auth/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, pickTranslation } from '../common/localized-text';
import { Theme } from './theme.entity';
import type { ThemeRecord } from './theme.loaders';
import { listThemes } from './theme.service';

@Resolver(() => Theme)
export class ThemeResolver {
  @Public()
  @Query(() => [Theme], { description: 'The theme taxonomy, in its display order.' })
  themes(@Ctx() ctx: RequestContext) {
    return listThemes(ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the asked-for language, or the nearest one known.' })
  name(
    @Root() theme: ThemeRecord,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return pickTranslation(theme.name, lang ?? ctx.language);
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
