package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.IntervalQualifier;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.JsonTableFunction;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.OracleNamedFunctionParameter;
import net.sf.jsqlparser.expression.OrderByClause;
import net.sf.jsqlparser.expression.OverlapsCondition;
import net.sf.jsqlparser.expression.PartitionByClause;
import net.sf.jsqlparser.expression.PostgresNamedFunctionParameter;
import net.sf.jsqlparser.expression.RangeExpression;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.WindowRange;
import net.sf.jsqlparser.expression.XMLSerializeExpr;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GeometryDistance;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.Matches;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.ReturningOutputAlias;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SampleClause;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithCycleClause;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.select.WithSearchClause;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The parser node types the guard understands: the PostgreSQL subset of JSqlParser's tree. Anything else
 * (another dialect's construct, or a type a newer JSqlParser adds) is refused rather than trusted, because
 * such a node might keep a name or a query somewhere the walker does not know to look.
 */
final class NodeTypes {

    private static final Set<Class<?>> KNOWN = Set.of(
            // statements and query structure
            PlainSelect.class, SetOperationList.class, ParenthesedSelect.class, Values.class, TableStatement.class,
            LateralSubSelect.class, WithItem.class, WithSearchClause.class, WithCycleClause.class,
            SelectItem.class, AllColumns.class, AllTableColumns.class, Distinct.class,
            Join.class, ParenthesedFromItem.class, TableFunction.class, SampleClause.class,
            GroupByElement.class, OrderByElement.class, Limit.class, Offset.class, Fetch.class,
            UnionOp.class, IntersectOp.class, ExceptOp.class,
            Insert.class, ParenthesedInsert.class, InsertConflictTarget.class, InsertConflictAction.class,
            Index.ColumnParams.class,
            Update.class, ParenthesedUpdate.class, UpdateSet.class,
            Delete.class, ParenthesedDelete.class,
            ReturningClause.class, ReturningOutputAlias.class,
            Table.class, Column.class, Alias.class, Alias.AliasColumn.class, ColDataType.class,
            // values and expressions
            LongValue.class, DoubleValue.class, StringValue.class, HexValue.class, NullValue.class, BooleanValue.class,
            DateValue.class, TimeValue.class, TimestampValue.class, DateTimeLiteralExpression.class, TimeKeyExpression.class,
            IntervalExpression.class, IntervalQualifier.class, DateUnitExpression.class, JdbcParameter.class, AllValue.class,
            Function.class, AnalyticExpression.class, PostgresNamedFunctionParameter.class, OracleNamedFunctionParameter.class,
            XMLSerializeExpr.class,
            WindowDefinition.class, PartitionByClause.class, OrderByClause.class,
            WindowElement.class, WindowOffset.class, WindowRange.class,
            CaseExpression.class, WhenClause.class, CastExpression.class, CollateExpression.class,
            ExtractExpression.class, TrimFunction.class, TimezoneExpression.class,
            SignedExpression.class, NotExpression.class, AndExpression.class, OrExpression.class,
            ArrayConstructor.class, ArrayExpression.class, RangeExpression.class, RowConstructor.class, RowGetExpression.class,
            JsonExpression.class, JsonFunction.class, JsonFunction.JsonOnResponseBehavior.class, JsonFunctionExpression.class,
            JsonKeyValuePair.class, JsonAggregateFunction.class,
            JsonTableFunction.class, JsonTableFunction.JsonTableColumnsClause.class,
            JsonTableFunction.JsonTableNestedColumnDefinition.class,
            JsonTableFunction.JsonTableValueColumnDefinition.class, JsonTableFunction.JsonTableOnEmptyClause.class,
            JsonTableFunction.JsonTableOnErrorClause.class, JsonTableFunction.JsonTableParsingTypeClause.class,
            JsonTableFunction.JsonTablePassingClause.class, JsonTableFunction.JsonTablePlanClause.class,
            JsonTableFunction.JsonTablePlanExpression.class, JsonTableFunction.JsonTablePlanTerm.class,
            JsonTableFunction.JsonTableQuotesClause.class, JsonTableFunction.JsonTableWrapperClause.class,
            AnyComparisonExpression.class, OverlapsCondition.class,
            // operators
            Addition.class, Subtraction.class, Multiplication.class, Division.class, IntegerDivision.class, Modulo.class,
            Concat.class, BitwiseAnd.class, BitwiseOr.class, BitwiseXor.class, BitwiseLeftShift.class, BitwiseRightShift.class,
            EqualsTo.class, NotEqualsTo.class, GreaterThan.class, GreaterThanEquals.class, MinorThan.class, MinorThanEquals.class,
            Between.class, InExpression.class, ExistsExpression.class, LikeExpression.class, SimilarToExpression.class,
            RegExpMatchOperator.class, IsNullExpression.class, IsBooleanExpression.class, IsDistinctExpression.class,
            IsUnknownExpression.class, JsonOperator.class, Contains.class, ContainedBy.class, DoubleAnd.class, Matches.class,
            GeometryDistance.class, CosineSimilarity.class,
            ExpressionList.class, ParenthesedExpressionList.class, NamedExpressionList.class);

    private NodeTypes() {
    }

    static void requireKnown(Class<?> type) {
        if (!KNOWN.contains(type)) {
            throw Refusal.construct(type.getSimpleName());
        }
    }
}
