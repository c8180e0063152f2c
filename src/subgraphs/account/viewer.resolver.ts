import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { Viewer } from './viewer.type';
import { viewerOf } from './viewer.service';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'who is asking (any caller; PUBLIC when anonymous)' })
  viewer(@Ctx() context: HubContext): Promise<Viewer> {
    return viewerOf(context);
  }
}
