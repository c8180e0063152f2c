import {
  DefaultNamingStrategy,
  type DataSource,
  type EntityTarget,
  type NamingStrategyInterface,
  type ObjectLiteral,
} from 'typeorm';

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** snake_case tables and columns, so the schema reads the same in SQLite and MySQL shells. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snake(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake([...prefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
}

/** Spells each property of `entity` as its escaped database column, for raw SQL built from the entity's metadata. */
export function sqlColumns(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): (property: string) => string {
  const metadata = dataSource.getMetadata(entity);
  return (property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return dataSource.driver.escape(column.databaseName);
  };
}

/** The escaped table of `entity`, for raw SQL built from the entity's metadata. */
export function sqlTable(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource.driver.escape(dataSource.getMetadata(entity).tablePath);
}
